using System.Globalization;

namespace Kizuna.Server.Dashboard;

/// <summary>Culture-aware formatting for the screen only; stored and wire values stay invariant.</summary>
public static class DashboardFormat
{
    // Currencies without minor units are shown without decimals.
    private static readonly HashSet<string> WholeCurrencies = new(StringComparer.OrdinalIgnoreCase) { "JPY", "KRW", "VND", "CLP", "ISK", "HUF" };

    public static string Money(decimal amount, string? currency) =>
        currency is null
            ? amount.ToString("N2", CultureInfo.CurrentCulture)
            : $"{amount.ToString(WholeCurrencies.Contains(currency) ? "N0" : "N2", CultureInfo.CurrentCulture)} {currency.ToUpperInvariant()}";

    public static string Number(double value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A quantity: whole numbers without decimals, fractions with up to four places.</summary>
    public static string Quantity(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "N0" : "#,0.####", CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString("M", CultureInfo.CurrentCulture);

    /// <summary>A whole date, the way the reader's language writes it.</summary>
    public static string Date(DateOnly day) => day.ToString("D", CultureInfo.CurrentCulture);
}
