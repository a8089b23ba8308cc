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
        // One pass without splitting into lines and words: the derived text of every email goes through here.
        var result = new StringBuilder(raw.Length);
        var blank = true;
        for (var at = 0; at <= raw.Length;)
        {
            var end = raw.IndexOf('\n', at);
            end = end < 0 ? raw.Length : end;
            var any = false;
            var space = false;
            foreach (var c in raw.AsSpan(at, end - at))
            {
                if (c is ' ' or '\t' or '\r' or '\u00a0')
                {
                    space = any;
                    continue;
                }

                if (space)
                {
                    result.Append(' ');
                    space = false;
                }

                result.Append(c);
                any = true;
            }

            if (any || !blank)
            {
                result.Append('\n');
            }

            blank = !any;
            at = end + 1;
        }

        return result.ToString().Trim() + "\n";
    }
}
