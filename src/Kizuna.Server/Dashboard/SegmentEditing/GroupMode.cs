namespace Kizuna.Server.Dashboard.SegmentEditing;

/// <summary>How a group of the visual editor combines its rows: all of them, any, not all, or none.</summary>
public enum GroupMode
{
    All,
    Any,
    NotAll,
    None,
}
