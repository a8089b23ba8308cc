namespace Kizuna.Browser;

/// <summary>One order of <see cref="RetailHistory"/>: who, where, when, and its lines (product, price, quantity).</summary>
public sealed record RetailOrder(
    string Id, string UserId, string Country, DateTimeOffset At, string Currency,
    IReadOnlyList<(string Id, string Name, string Category, decimal Price, int Quantity)> Lines)
{
    public decimal Total => Lines.Sum(l => l.Price * l.Quantity);

    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);
}
