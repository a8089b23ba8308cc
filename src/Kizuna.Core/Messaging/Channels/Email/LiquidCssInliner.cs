using System.Text;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// Inlines an email's CSS on its Liquid source, once per template version, instead of on every rendered message:
/// each <c>{% %}</c> tag between elements is held as an HTML comment (which the parser keeps in place, even between
/// table rows) and every other Liquid construct as a plain token, PreMailer.Net inlines the placeholder document, and
/// the Liquid comes back verbatim. A source this cannot do safely — Liquid inside a style sheet or a tag outside a
/// quoted attribute value, an included block or partial that may bring styles of its own, a placeholder the
/// parser moved or dropped — answers null and is inlined per message as before.
/// </summary>
public static class LiquidCssInliner
{
    private const string Token = "kzliquid";

    public static string? Inline(string source)
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

        var document = placeholder.ToString();
        return StyleSheetsHoldLiquid(document) ? null : Restore(EmailRenderer.Inline(document), held);
    }

    /// <summary>The inlined document with each placeholder replaced by its Liquid; null unless every one is there exactly once.</summary>
    private static string? Restore(string inlined, List<string> held)
    {
        var result = new StringBuilder(inlined.Length + 256);
        var found = new bool[held.Count];
        for (var i = 0; i < inlined.Length;)
        {
            var comment = string.CompareOrdinal(inlined, i, "<!--" + Token, 0, 4 + Token.Length) == 0;
            var at = comment ? i + 4 : i;
            if (comment || string.CompareOrdinal(inlined, i, Token, 0, Token.Length) == 0)
            {
                var end = inlined.IndexOf('z', at + Token.Length);
                if (end < 0 || !int.TryParse(inlined.AsSpan(at + Token.Length, end - at - Token.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    || n < 1 || n > held.Count || found[n - 1])
                {
                    return null;
                }

                if (comment && string.CompareOrdinal(inlined, end + 1, "-->", 0, 3) != 0)
                {
                    return null;
                }

                found[n - 1] = true;
                result.Append(held[n - 1]);
                i = comment ? end + 4 : end + 1;
                continue;
            }

            result.Append(inlined[i]);
            i++;
        }

        return found.All(f => f) ? result.ToString() : null;
    }

    /// <summary>Blocks and partials are rendered per message and may carry style sheets of their own.</summary>
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

    private static bool StyleSheetsHoldLiquid(string placeholders)
    {
        for (var at = placeholders.IndexOf("<style", StringComparison.OrdinalIgnoreCase); at >= 0; at = placeholders.IndexOf("<style", at + 6, StringComparison.OrdinalIgnoreCase))
        {
            var end = placeholders.IndexOf("</style", at, StringComparison.OrdinalIgnoreCase);
            if (end < 0 || placeholders.AsSpan(at, end - at).Contains(Token, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
