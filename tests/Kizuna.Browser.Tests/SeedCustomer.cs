namespace Kizuna.Browser;

/// <summary>
/// A customer a test puts in a workspace: who they are, the orders they placed (id, product, price, quantity), and
/// optionally the time zone and locale their device reports.
/// </summary>
public sealed record SeedCustomer(
    string UserId, string Name, string? Email, string Plan, IReadOnlyList<SeedOrder> Orders, string? TimeZone = null, string? Locale = null);

/// <summary>One order of one product.</summary>
public sealed record SeedOrder(string OrderId, string Product, decimal Price, int Quantity, string Currency = "JPY");
