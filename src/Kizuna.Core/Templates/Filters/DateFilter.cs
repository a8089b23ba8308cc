using System.Globalization;
using Fluid;
using Fluid.Values;
using TimeZoneConverter;

namespace Kizuna.Templates.Filters;

/// <summary>
/// <c>date: format, zone</c>: Shopify's strftime <c>date</c> with an optional IANA or Windows zone
/// (<c>"Asia/Tokyo"</c>); without one, dates render in the customer's zone the render was given.
/// </summary>
internal static class DateFilter
{
    public static void Register(FilterCollection filters)
    {
        if (!filters.TryGetValue("date", out var fluidDate))
        {
            throw new InvalidOperationException("Fluid's date filter is expected to be registered.");
        }

        filters.AddFilter("date", FilterArity.Checked("date", 1, 2, (input, arguments, context) => FormatAsync(fluidDate, input, arguments, context)));
    }

    public static TimeZoneInfo ResolveZone(string filter, string name) =>
        TZConvert.TryGetTimeZoneInfo(name, out var zone)
            ? zone
            : throw FilterFault.Argument(filter, $"'{name}' is not a known time zone.");

    private static async ValueTask<FluidValue> FormatAsync(FilterDelegate fluidDate, FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var format = arguments.At(0);
        if (FilterArgs.IsUndefined(format) || FilterArgs.IsUndefined(input))
        {
            return input;
        }

        if (input is StringValue && long.TryParse(input.ToStringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            input = NumberValue.Create(seconds);
        }

        var zone = context.TimeZone;
        if (arguments.Count > 1)
        {
            // A named zone converts the instant, whatever offset the input was written with.
            var target = ResolveZone("date", FilterArgs.Text(arguments.At(1)));
            context.TimeZone = target;
            if (input.TryGetDateTimeInput(context, out var instant))
            {
                input = new DateTimeValue(TimeZoneInfo.ConvertTime(instant, target));
            }
        }

        // Fluid pads to any width written in the format: "%999999999n" asks for a billion newlines.
        TextSize.Check("date", FormatWidth(FilterArgs.Text(format)), context);
        try
        {
            return await fluidDate(input, new FilterArguments(format), context);
        }
        finally
        {
            context.TimeZone = zone;
        }
    }

    /// <summary>The format's length plus every width it asks for, read as Fluid's strftime reads them.</summary>
    private static long FormatWidth(string format)
    {
        long total = format.Length;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                continue;
            }

            long width = 0;
            while (++i < format.Length && (format[i] is '^' or '-' or '_' or ':' || char.IsDigit(format[i])))
            {
                if (char.IsDigit(format[i]))
                {
                    width = Math.Min((width * 10) + (format[i] - '0'), int.MaxValue);
                }
            }

            total += width;
        }

        return total;
    }
}
