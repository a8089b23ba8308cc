namespace Kizuna.Analytics.Predictions;

/// <summary>
/// What one customer bought up to the day of a refresh: <paramref name="Orders"/> counted orders on
/// <paramref name="PurchaseDays"/> distinct UTC days from <paramref name="FirstDay"/> to <paramref name="LastDay"/>
/// (days since 1970-01-01), worth <paramref name="TotalUnits"/> ten-thousandths of the customer's main currency, of
/// which <paramref name="FirstDayUnits"/> on the first day; <paramref name="Currency"/> is that currency (null when
/// the orders stated none).
/// </summary>
public sealed record CustomerPurchases(long ProfileId, int Orders, int PurchaseDays, int FirstDay, int LastDay, long TotalUnits, long FirstDayUnits, string? Currency = null)
{
    /// <summary>The net spend as money.</summary>
    public decimal Total => TotalUnits / 10_000m;

    /// <summary>
    /// The models' view in weeks on <paramref name="asOfDay"/>: repeat purchase days (a day with several orders is one
    /// purchase, as in the published CDNOW analyses), t_x and T in weeks, and the mean value of the repeat days.
    /// </summary>
    public PurchaseHistory ToHistory(int asOfDay) => new(
        ProfileId,
        PurchaseDays - 1,
        (LastDay - FirstDay) / 7.0,
        (asOfDay - FirstDay) / 7.0,
        PurchaseDays > 1 ? (TotalUnits - FirstDayUnits) / 10_000.0 / (PurchaseDays - 1) : 0);
}
