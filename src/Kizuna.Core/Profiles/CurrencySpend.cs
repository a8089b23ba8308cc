namespace Kizuna.Profiles;

/// <summary>
/// What a customer spent in one currency (null: orders that stated none): open orders (not cancelled or wholly
/// refunded), the total net of refunds, and the first and last order placed in it.
/// </summary>
public sealed record CurrencySpend(string? Currency, long Orders, decimal Total, DateTimeOffset? FirstOrderAt, DateTimeOffset? LastOrderAt)
{
    /// <summary>Average order value in this currency, to the cent (0 without open orders).</summary>
    public decimal AverageOrderValue => Orders > 0 ? Math.Round(Total / Orders, 2, MidpointRounding.AwayFromZero) : 0;
}
