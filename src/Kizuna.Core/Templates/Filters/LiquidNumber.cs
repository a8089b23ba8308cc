using System.Globalization;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>
/// Liquid keeps integers and floats apart (<c>10 | divided_by: 4</c> is 2, <c>10 | divided_by: 4.0</c> is 2.5).
/// Fluid holds every number as a decimal; a decimal with a scale (written with a point) counts as a float.
/// </summary>
internal static class LiquidNumber
{
    public static bool IsFloat(decimal value) => value.Scale > 0;

    /// <summary>The number a math filter sees: numbers as they are, numeric strings parsed, anything else 0.</summary>
    public static decimal From(FluidValue value) => value switch
    {
        NumberValue => value.ToNumberValue(),
        StringValue => TryParse(value.ToStringValue(), out var parsed) ? parsed : 0m,
        _ => 0m,
    };

    public static bool IsNumeric(FluidValue value) =>
        value is NumberValue || (value is StringValue && TryParse(value.ToStringValue(), out _));

    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A float result: shortest round-trip digits, as Ruby and Python print them, never fewer than one decimal.</summary>
    public static FluidValue Float(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new TemplateFaultException(TemplateErrorKind.Render, "The result is not a finite number.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal) || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            d = (decimal)value;
        }

        return NumberValue.Create(AsFloat(d));
    }

    /// <summary>The same value with at least one decimal place, so it prints as a float.</summary>
    public static decimal AsFloat(decimal value) => value.Scale > 0 ? value : value + 0.0m;

    public static FluidValue Create(decimal value, bool asFloat) =>
        NumberValue.Create(asFloat ? AsFloat(value) : StripScale(value));

    private static decimal StripScale(decimal value) => value.Scale == 0 ? value : decimal.Round(value, 0);
}
