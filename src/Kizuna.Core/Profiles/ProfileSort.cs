namespace Kizuna.Profiles;

/// <summary>The orders a customer list can be read in; ties are broken by profile id.</summary>
public enum ProfileSort
{
    LastSeen,
    TotalSpent,
    Orders,
}
