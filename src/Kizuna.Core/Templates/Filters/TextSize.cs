using System.Text;
using Fluid;
using Fluid.Values;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Filters;

/// <summary>
/// Refuses a string longer than the render's <see cref="TemplateLimits.MaxOutputChars"/> before a filter builds it,
/// the cap <c>assign</c> puts on a variable: <c>replace</c>, <c>join</c> or <c>append</c> over big strings can ask for
/// billions of characters in one call, long before an assignment or the output could object.
/// </summary>
internal static class TextSize
{
    public static void Check(string filter, long length, TemplateContext context)
    {
        var max = Max(context);
        if (length > max)
        {
            throw new TemplateFaultException(TemplateErrorKind.Limit, $"{filter}: the text would be longer than {max} characters.", "| " + filter);
        }
    }

    /// <summary>The longest string a filter may build: the limit a variable has.</summary>
    public static int Max(TemplateContext context) =>
        KizunaTemplateContext.ScopeOf(context)?.Limits.MaxOutputChars ?? TemplateLimits.Default.MaxOutputChars;

    /// <summary>Checks every array among the input and arguments, which a string filter reads as all its items run together.</summary>
    public static void CheckArrays(string filter, FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input is ArrayValue)
        {
            Check(filter, Measure(input, Max(context)), context);
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments.At(i) is ArrayValue argument)
            {
                Check(filter, Measure(argument, Max(context)), context);
            }
        }
    }

    /// <summary>
    /// The length of <see cref="LiquidText.ToLiquidString"/> without building it; stops counting once past
    /// <paramref name="stopAfter"/>, since a list can hold the same big string a hundred thousand times.
    /// </summary>
    public static long Measure(FluidValue value, long stopAfter) => value switch
    {
        StringValue => value.ToStringValue().Length,
        ArrayValue array => MeasureItems(array.Values, stopAfter),
        NilValue or UndefinedValue => 0,
        DictionaryValue => 2,
        _ => value.ToStringValue().Length,
    };

    /// <summary>
    /// At least the length of <c>WebUtility.HtmlEncode(text)</c>: exact but for surrogates, counted as the
    /// <c>&amp;#65533;</c> a lone one becomes.
    /// </summary>
    public static long HtmlEncodedLength(string text)
    {
        long length = 0;
        foreach (var c in text)
        {
            length += c switch
            {
                '&' or '\'' => 5,
                '<' or '>' => 4,
                '"' => 6,
                >= '\u00a0' and <= '\u00ff' => 6,
                _ when char.IsSurrogate(c) => 8,
                _ => 1,
            };
        }

        return length;
    }

    /// <summary>The length of <c>Uri.EscapeDataString(text)</c> with spaces written as <c>+</c>.</summary>
    public static long UrlEncodedLength(string text)
    {
        long length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            length += rune.IsAscii && (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.' or '~' or ' ')
                ? 1
                : 3 * rune.Utf8SequenceLength;
        }

        return length;
    }

    /// <summary>The lengths of <paramref name="items"/> added up, without the text between them; stops once past <paramref name="stopAfter"/>.</summary>
    public static long MeasureItems(IEnumerable<FluidValue> items, long stopAfter)
    {
        long length = 0;
        foreach (var item in items)
        {
            length += Measure(item, stopAfter - length);
            if (length > stopAfter)
            {
                break;
            }
        }

        return length;
    }
}
