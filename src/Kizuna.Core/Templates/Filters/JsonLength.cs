using System.Globalization;
using System.Text.Json;
using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>
/// The length of what Fluid's <c>json</c> filter writes for a value, counted without writing it: a list of a hundred
/// thousand references to one big string serialises to tens of gigabytes. Counting stops once past the caller's
/// limit, so a list is walked only as far as it takes to know it is too long.
/// </summary>
internal sealed class JsonLength(TemplateContext context)
{
    // The longest decimal as text: "-0.0000000000000000000000000001".
    private const int MaxNumberChars = 31;

    // A quoted DateTimeOffset in the round-trip format: "2025-03-02T00:30:00.1234567+09:00".
    private const int MaxDateChars = 35;

    private Dictionary<object, long>? _objects;

    public static long Of(FluidValue value, long stopAfter, TemplateContext context) =>
        new JsonLength(context).Measure(value, stopAfter);

    /// <summary>
    /// What System.Text.Json's default encoder writes for <paramref name="text"/> with its quotes: <c>\\</c> and the
    /// usual control escapes take two characters, anything outside printable ASCII or HTML-sensitive six
    /// (<c>\u00E9</c>). A laxer encoder writes less, never more.
    /// </summary>
    public static long StringLength(string text, long stopAfter)
    {
        long length = 2;
        foreach (var c in text)
        {
            length += c switch
            {
                '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                '"' or '&' or '\'' or '+' or '<' or '>' or '`' => 6,
                >= ' ' and <= '~' => 1,
                _ => 6,
            };
            if (length > stopAfter)
            {
                break;
            }
        }

        return length;
    }

    private long Measure(FluidValue value, long stopAfter) => value.Type switch
    {
        FluidValues.Array => MeasureItems(value, stopAfter),
        FluidValues.Dictionary => value.ToObjectValue() is IFluidIndexable hash ? MeasureHash(hash, stopAfter) : 4,
        FluidValues.Object => MeasureObject(value.ToObjectValue()),
        FluidValues.String => StringLength(value.ToStringValue(), stopAfter),
        FluidValues.Number => NumberLength(value.ToNumberValue()),
        FluidValues.DateTime => MaxDateChars,
        FluidValues.Boolean => value.ToBooleanValue() ? 4 : 5,
        FluidValues.Blank or FluidValues.Empty => 2,
        _ => 4,
    };

    private long MeasureItems(FluidValue array, long stopAfter)
    {
        long length = 1;
        foreach (var item in array is ArrayValue values ? values.Values : array.Enumerate(context))
        {
            length += 1 + Measure(item, stopAfter - length);
            if (length > stopAfter)
            {
                return length;
            }
        }

        return Math.Max(length, 2);
    }

    private long MeasureHash(IFluidIndexable hash, long stopAfter)
    {
        long length = 1;
        foreach (var key in hash.Keys)
        {
            length += StringLength(key, stopAfter - length) + 2;
            length += hash.TryGetValue(key, out var item) && item is not null ? Measure(item, stopAfter - length) : 4;
            if (length > stopAfter)
            {
                return length;
            }
        }

        return Math.Max(length, 2);
    }

    /// <summary>
    /// A registered view type is written by System.Text.Json from its properties; it comes from the data, not the
    /// template, so writing it once is bounded. Repeats of the same object are counted from the first.
    /// </summary>
    private long MeasureObject(object value)
    {
        _objects ??= new Dictionary<object, long>(ReferenceEqualityComparer.Instance);
        if (!_objects.TryGetValue(value, out var length))
        {
            length = JsonSerializer.Serialize(value, context.JsonSerializerOptions).Length;
            _objects[value] = length;
        }

        return length;
    }

    private static int NumberLength(decimal value)
    {
        Span<char> text = stackalloc char[MaxNumberChars];
        return value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture) ? written : MaxNumberChars;
    }
}
