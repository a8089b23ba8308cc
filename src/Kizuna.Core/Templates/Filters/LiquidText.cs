using System.Globalization;
using System.Text;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>
/// String helpers measured in characters (Unicode code points), as Ruby and Python count them: a Japanese
/// character or an emoji is one character, never two UTF-16 units.
/// </summary>
internal static class LiquidText
{
    public static string ToLiquidString(FluidValue value) => value switch
    {
        DictionaryValue dictionary => ((IFluidIndexable)dictionary.ToObjectValue()).Count == 0 ? "{}" : string.Empty,
        ArrayValue array => string.Concat(array.Values.Select(ToLiquidString)),
        _ => value.ToStringValue(),
    };

    public static int Length(string text)
    {
        var surrogatePairs = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                surrogatePairs++;
                i++;
            }
        }

        return text.Length - surrogatePairs;
    }

    /// <summary>The UTF-16 index of the code point at <paramref name="codePoint"/> (clamped to the end).</summary>
    public static int IndexOfCodePoint(string text, int codePoint, int startIndex = 0)
    {
        var index = startIndex;
        for (var n = 0; n < codePoint && index < text.Length; n++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    public static string Substring(string text, int start, int length)
    {
        var from = IndexOfCodePoint(text, start);
        var to = IndexOfCodePoint(text, length, from);
        return text[from..to];
    }

    public static string Capitalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var first = StringInfo.GetNextTextElementLength(text);
        var builder = new StringBuilder(text.Length);
        builder.Append(text[..first].ToUpperInvariant()).Append(text[first..].ToLowerInvariant());
        return builder.ToString();
    }
}
