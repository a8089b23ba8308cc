namespace Kizuna.Imports;

/// <summary>What the rows of an imported file describe.</summary>
public enum ImportKind
{
    Customers,
    Orders,
    Products,
    Events,
}
