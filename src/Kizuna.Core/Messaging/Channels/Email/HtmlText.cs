using System.Buffers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// The plain-text part of an email when the template gives none: the HTML's visible text, a line per block, links as
/// <c>text (url)</c>, images by their alt text, list items with a dash, without what mail clients hide (head, style,
/// script, the preheader).
/// </summary>
public static class HtmlText
{
    internal static readonly HtmlParser Parser = new();

    internal static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "section", "header", "footer", "article", "hr",
    };

    public static string From(string html)
    {
        var document = Parser.ParseDocument(html);
        var text = new StringBuilder(html.Length / 3);
        if (document.Body is { } body)
        {
            Walk(body, text);
        }

        return Tidy(text.ToString());
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Hidden(e):
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "img" } img:
                    text.Append(img.GetAttribute("alt"));
                    break;
                case IElement { LocalName: "a" } a:
                    var before = text.Length;
                    Walk(a, text);
                    var label = text.ToString(before, text.Length - before).Trim();
                    if (a.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith('#') && label != href)
                    {
                        text.Append(label.Length == 0 ? href : $" ({href})");
                    }

                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    text.Append('\n');
                    if (e.LocalName == "li")
                    {
                        text.Append("- ");
                    }

                    Walk(e, text);
                    text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    Walk(cell, text);
                    text.Append(' ');
                    break;
                default:
                    Walk(child, text);
                    break;
            }
        }
    }

    /// <summary>What mail clients do not show.</summary>
    internal static bool Hidden(IElement e) => e.LocalName is "style" or "script" or "head" or "title" || e.GetAttribute("data-preheader") is not null;

    /// <summary>Whitespace as HTML collapses it, at most one empty line between blocks.</summary>
    internal static string Tidy(string raw)
    {
        // By runs, without splitting into lines and words: the derived text of every email goes through here.
        var result = new StringBuilder(raw.Length);
        var blank = true;
        var rest = raw.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var any = AppendCollapsed(end < 0 ? rest : rest[..end], result);
            if (any || !blank)
            {
                result.Append('\n');
            }

            blank = !any;
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        // Trimmed in the builder, so the text is copied out once.
        var last = result.Length;
        while (last > 0 && char.IsWhiteSpace(result[last - 1]))
        {
            last--;
        }

        var first = 0;
        while (first < last && char.IsWhiteSpace(result[first]))
        {
            first++;
        }

        result.Length = last;
        return result.Append('\n').ToString(first, last + 1 - first);
    }

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\r\u00a0");

    /// <summary>The line's words with one space between them; whether it had any.</summary>
    private static bool AppendCollapsed(ReadOnlySpan<char> line, StringBuilder result)
    {
        var any = false;
        while (line.IndexOfAnyExcept(Spaces) is var start and >= 0)
        {
            if (any && start > 0)
            {
                result.Append(' ');
            }

            line = line[start..];
            var stop = line.IndexOfAny(Spaces);
            result.Append(stop < 0 ? line : line[..stop]);
            any = true;
            line = stop < 0 ? default : line[stop..];
        }

        return any;
    }
}
