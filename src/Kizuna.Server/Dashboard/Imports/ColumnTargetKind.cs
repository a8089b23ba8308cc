namespace Kizuna.Server.Dashboard.Imports;

/// <summary>Where a column of an uploaded file goes.</summary>
public enum ColumnTargetKind
{
    Skip,
    Field,
    Trait,
    Property,
}
