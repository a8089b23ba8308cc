namespace Kizuna.Browser;

/// <summary>A customer a test puts in a workspace: who they are, and the orders they placed (id, product, price, quantity).</summary>
public sealed record SeedCustomer(string UserId, string Name, string Email, string Plan, IReadOnlyList<SeedOrder> Orders);

/// <summary>One order of one product.</summary>
public sealed record SeedOrder(string OrderId, string Product, decimal Price, int Quantity, string Currency = "JPY");
