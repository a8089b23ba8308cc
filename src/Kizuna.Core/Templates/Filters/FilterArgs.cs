using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>Argument helpers shared by the filters.</summary>
internal static class FilterArgs
{
    /// <summary>
    /// Fluid appends named arguments to the positional list as well; this removes them again so
    /// <c>default: allow_false: true, "x"</c> sees <c>"x"</c> as its first argument.
    /// </summary>
    public static List<FluidValue> Positional(FilterArguments arguments)
    {
        var values = new List<FluidValue>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            values.Add(arguments.At(i));
        }

        foreach (var name in arguments.Names)
        {
            var named = arguments[name];
            var index = values.FindIndex(v => ReferenceEquals(v, named));
            if (index >= 0)
            {
                values.RemoveAt(index);
            }
        }

        return values;
    }

    public static bool IsUndefined(FluidValue value) => value is UndefinedValue || value is NilValue;

    /// <summary>An integer argument; undefined or missing means <paramref name="fallback"/>, anything else not a number is an error.</summary>
    public static long Integer(string filter, FluidValue value, long? fallback, bool allowFloat = true)
    {
        if (value is NumberValue && !allowFloat && LiquidNumber.IsFloat(value.ToNumberValue()))
        {
            throw FilterFault.Argument(filter, $"'{value.ToStringValue()}' is not an integer.");
        }

        if (value is NumberValue)
        {
            return (long)Math.Truncate(Math.Clamp(value.ToNumberValue(), long.MinValue, long.MaxValue));
        }

        if (value is StringValue && LiquidNumber.TryParse(value.ToStringValue(), out var parsed))
        {
            return (long)Math.Truncate(parsed);
        }

        if (IsUndefined(value) && fallback is { } f)
        {
            return f;
        }

        throw FilterFault.Argument(filter, $"'{value.ToStringValue()}' is not an integer.");
    }

    /// <summary>A string argument; undefined is the empty string.</summary>
    public static string Text(FluidValue value) => IsUndefined(value) ? string.Empty : LiquidText.ToLiquidString(value);
}
