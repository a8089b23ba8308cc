using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>
/// Kizuna's own filters: locale-aware <c>currency</c> (<c>1200 | currency: "JPY", "ja-JP"</c> → <c>￥1,200</c>) and
/// <c>number</c> (<c>1234.5 | number: 1, "de-DE"</c> → <c>1.234,5</c>). Without a culture argument they use the
/// culture the render was given.
/// </summary>
internal static class KizunaFilters
{
    // Keyed by what the template passes (any text can be a currency code), so bounded.
    private static readonly BoundedCache<(string Currency, string Culture), NumberFormatInfo> Formats = new(1_000);

    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("currency", FilterArity.Checked("currency", 0, 2, (i, a, c) => Currency(i, a, c)));
        filters.AddFilter("number", FilterArity.Checked("number", 0, 2, (i, a, c) => Number(i, a, c)));
    }

    private static FluidValue Currency(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var culture = arguments.Count > 1 ? Culture("currency", FilterArgs.Text(arguments.At(1))) : context.CultureInfo;
        var code = arguments.Count > 0 ? FilterArgs.Text(arguments.At(0)).ToUpperInvariant() : RegionCurrency(culture) ?? "USD";
        if (!Formats.TryGetValue((code, culture.Name), out var format))
        {
            format = CurrencyFormat(code, culture);
            Formats.Set((code, culture.Name), format);
        }

        return StringValue.Create(LiquidNumber.From(input).ToString("C", format));
    }

    private static FluidValue Number(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var culture = arguments.Count > 1 ? Culture("number", FilterArgs.Text(arguments.At(1))) : context.CultureInfo;
        var value = LiquidNumber.From(input);
        var digits = arguments.Count > 0 && !FilterArgs.IsUndefined(arguments.At(0))
            ? (int)Math.Clamp(FilterArgs.Integer("number", arguments.At(0), 0), 0, 10)
            : Math.Min((int)value.Scale, 10);
        return StringValue.Create(value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture));
    }

    private static CultureInfo Culture(string filter, string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw FilterFault.Argument(filter, $"'{name}' is not a known culture.");
        }
    }

    private static string? RegionCurrency(CultureInfo culture)
    {
        try
        {
            return culture.Name.Length == 0 ? null : new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The culture's layout (grouping, symbol position) with the symbol and minor units of the currency.</summary>
    private static NumberFormatInfo CurrencyFormat(string code, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var native = RegionCurrency(culture) == code
            ? culture
            : CultureInfo.GetCultures(CultureTypes.SpecificCultures).FirstOrDefault(c => RegionCurrency(c) == code);
        format.CurrencySymbol = native?.NumberFormat.CurrencySymbol ?? code;
        format.CurrencyDecimalDigits = native?.NumberFormat.CurrencyDecimalDigits ?? 2;
        return format;
    }
}
