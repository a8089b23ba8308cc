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
    private const string Token = LiquidPlaceholders.Token;

    public static string? Inline(string source)
    {
        if (LiquidPlaceholders.Hold(source) is not { } held)
        {
            return null;
        }

        return StyleSheetsHoldLiquid(held.Document) ? null : Restore(EmailRenderer.Inline(held.Document), held);
    }

    /// <summary>The inlined document with each placeholder replaced by its Liquid; null unless every one is there exactly once.</summary>
    private static string? Restore(string inlined, LiquidPlaceholders held)
    {
        var result = new StringBuilder(inlined.Length + 256);
        var found = new bool[held.Held.Count];
        for (var i = 0; i < inlined.Length;)
        {
            var comment = string.CompareOrdinal(inlined, i, "<!--" + Token, 0, 4 + Token.Length) == 0;
            var at = comment ? i + 4 : i;
            if (comment || string.CompareOrdinal(inlined, i, Token, 0, Token.Length) == 0)
            {
                if (held.TokenAt(inlined, at) is not (var n, var end) || found[n - 1])
                {
                    return null;
                }

                if (comment && string.CompareOrdinal(inlined, end, "-->", 0, 3) != 0)
                {
                    return null;
                }

                found[n - 1] = true;
                result.Append(held.Held[n - 1]);
                i = comment ? end + 3 : end;
                continue;
            }

            result.Append(inlined[i]);
            i++;
        }

        return found.All(f => f) ? result.ToString() : null;
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
