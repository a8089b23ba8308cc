namespace Kizuna.Commerce;

/// <summary>
/// What an order event did to one customer's spend in one currency (null: the order stated none): the amount and
/// order count to add (negative for refunds and closed orders), and when a new order was placed.
/// </summary>
internal sealed record SpendChange(long WorkspaceId, long ProfileId, string? Currency, decimal Amount, int Orders, long? PlacedAt);
