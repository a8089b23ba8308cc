using System.Text;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// An email's Liquid source as a plain HTML document an HTML parser can read: each <c>{% %}</c> tag between
/// elements held as an HTML comment (which the parser keeps in place, even between table rows) and every other
/// Liquid construct as a plain token, <c>kzliquid{n}z</c>, numbered from 1. Null for a source that cannot be held
/// safely: Liquid inside a tag outside a quoted attribute value, an unclosed construct, an included block or partial
/// that may bring markup of its own, or the token itself in the source.
/// </summary>
internal sealed record LiquidPlaceholders(string Document, IReadOnlyList<string> Held)
{
    public const string Token = "kzliquid";

    public static LiquidPlaceholders? Hold(string source)
    {
        if (source.Contains(Token, StringComparison.Ordinal))
        {
            return null;
        }

        var held = new List<string>();
        var placeholder = new StringBuilder(source.Length + 64);
        var inTag = false;
        char quote = '\0';
        for (var i = 0; i < source.Length;)
        {
            if (source[i] == '{' && i + 1 < source.Length && source[i + 1] is '{' or '%')
            {
                var close = source.IndexOf(source[i + 1] == '{' ? "}}" : "%}", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    return null;
                }

                var liquid = source[i..(close + 2)];
                if ((inTag && quote == '\0') || Includes(liquid))
                {
                    return null;
                }

                held.Add(liquid);
                var name = $"{Token}{held.Count}z";
                placeholder.Append(!inTag && source[i + 1] == '%' ? $"<!--{name}-->" : name);
                i = close + 2;
                continue;
            }

            var c = source[i];
            if (!inTag && c == '<' && i + 1 < source.Length && (char.IsAsciiLetter(source[i + 1]) || source[i + 1] is '/' or '!'))
            {
                inTag = true;
            }
            else if (inTag && quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (inTag && c == quote)
            {
                quote = '\0';
            }
            else if (inTag && quote == '\0' && c == '>')
            {
                inTag = false;
            }

            placeholder.Append(c);
            i++;
        }

        return new LiquidPlaceholders(placeholder.ToString(), held);
    }

    /// <summary>The number of the placeholder token at <paramref name="at"/> and the index just past it, or null.</summary>
    public (int Number, int End)? TokenAt(string text, int at)
    {
        if (string.CompareOrdinal(text, at, Token, 0, Token.Length) != 0)
        {
            return null;
        }

        var end = text.IndexOf('z', at + Token.Length);
        return end < 0 || !int.TryParse(text.AsSpan(at + Token.Length, end - at - Token.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            || n < 1 || n > Held.Count
            ? null
            : (n, end + 1);
    }

    /// <summary>Blocks and partials are rendered per message and may carry style sheets and markup of their own.</summary>
    private static bool Includes(string liquid)
    {
        if (!liquid.StartsWith("{%", StringComparison.Ordinal))
        {
            return false;
        }

        var tag = liquid.AsSpan(2).TrimStart('-').TrimStart();
        return tag.StartsWith("content_block", StringComparison.Ordinal) || tag.StartsWith("render", StringComparison.Ordinal)
            || tag.StartsWith("include", StringComparison.Ordinal) || tag.StartsWith("liquid", StringComparison.Ordinal);
    }
}
