using Kizuna.Profiles;

namespace Kizuna.Server.Dashboard;

/// <summary>The sort names of the customers list, shared by its table headers and its CSV export address.</summary>
public static class CustomerListSort
{
    public const string LastSeen = "last_seen";
    public const string TotalSpent = "total_spent";
    public const string Orders = "orders";

    /// <summary>The sort a name stands for; null for an unknown name. No name is the default, newest activity first.</summary>
    public static ProfileSort? Parse(string? name) => name switch
    {
        null or "" or LastSeen => ProfileSort.LastSeen,
        TotalSpent => ProfileSort.TotalSpent,
        Orders => ProfileSort.Orders,
        _ => null,
    };

    public static string NameOf(ProfileSort sort) => sort switch
    {
        ProfileSort.TotalSpent => TotalSpent,
        ProfileSort.Orders => Orders,
        _ => LastSeen,
    };
}
