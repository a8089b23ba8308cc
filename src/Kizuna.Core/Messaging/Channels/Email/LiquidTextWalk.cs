using System.Text;
using AngleSharp.Dom;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// <see cref="HtmlText"/>'s walk over a placeholder document (<see cref="LiquidPlaceholders"/>), writing a Liquid
/// template of the text: literal text as the parser read it, each placeholder as its Liquid (outputs through the text
/// filters). Fails (<see cref="Result"/> null) where the text would depend on the data in a way a template cannot
/// follow, or where a tag was moved, dropped or repeated by the parser.
/// </summary>
internal sealed class LiquidTextWalk(LiquidPlaceholders held)
{
    private readonly StringBuilder _text = new();
    private readonly bool[] _emitted = new bool[held.Held.Count];
    private int _lastTag;
    private bool _failed;

    public string? Result() =>
        _failed || held.Held.Where((l, i) => l.StartsWith("{%", StringComparison.Ordinal) && !_emitted[i]).Any() ? null : _text.ToString();

    public void Walk(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (_failed)
            {
                return;
            }

            switch (child)
            {
                case IText t:
                    _text.Append(Template(t.Data, attribute: false));
                    break;
                case IComment c when held.TokenAt(c.Data, 0) is (var n, var end) && end == c.Data.Length:
                    _text.Append(Emit(n, attribute: false));
                    break;
                case IElement e when HtmlText.Hidden(e):
                    break;
                case IElement { LocalName: "br" }:
                    _text.Append('\n');
                    break;
                case IElement { LocalName: "img" } img:
                    _text.Append(Template(img.GetAttribute("alt"), attribute: true));
                    break;
                case IElement { LocalName: "a" } a:
                    Anchor(a);
                    break;
                case IElement e when HtmlText.Blocks.Contains(e.LocalName):
                    _text.Append('\n');
                    if (e.LocalName == "li")
                    {
                        _text.Append("- ");
                    }

                    Walk(e);
                    _text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    Walk(cell);
                    _text.Append(' ');
                    break;
                default:
                    Walk(child);
                    break;
            }
        }
    }

    /// <summary>
    /// A link is written <c>label (url)</c> unless its address is empty, an anchor or the label itself: the template
    /// writes it when the literal text before any Liquid settles those three questions for every message, else fails.
    /// </summary>
    private void Anchor(IElement a)
    {
        var before = _text.Length;
        Walk(a);
        var label = _text.ToString(before, _text.Length - before);
        var raw = a.GetAttribute("href");
        if (string.IsNullOrEmpty(raw))
        {
            return;
        }

        var href = Template(raw, attribute: true);
        var hrefKnown = Literal(href, out var hrefPrefix);
        if (hrefPrefix.Length == 0 && held.TokenAt(raw, 0) is (var first, _) && LiquidHtmlText.IsOwnLink(held.Held[first - 1]))
        {
            hrefPrefix = "http";
        }

        if (hrefPrefix.StartsWith('#'))
        {
            return;
        }

        var labelKnown = Literal(label, out var labelPrefix);
        var labelText = labelPrefix.Trim();
        if (labelKnown && hrefKnown)
        {
            if (labelText != href)
            {
                _text.Append(labelText.Length == 0 ? href : $" ({href})");
            }

            return;
        }

        if (labelKnown && labelText.Length == 0 && hrefPrefix.Length > 0)
        {
            _text.Append(href);
            return;
        }

        var start = labelPrefix.TrimStart().TrimEnd();
        if (start.Length == 0 || !Differ(start, hrefPrefix))
        {
            _failed = true;
            return;
        }

        _text.Append(" (").Append(href).Append(')');
    }

    /// <summary>Text or an attribute value with its placeholders as Liquid; fails on text that would read as Liquid.</summary>
    private string Template(string? value, bool attribute)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var result = new StringBuilder(value.Length);
        var literal = 0;
        for (var i = value.IndexOf(LiquidPlaceholders.Token, StringComparison.Ordinal); i >= 0; i = value.IndexOf(LiquidPlaceholders.Token, literal, StringComparison.Ordinal))
        {
            if (held.TokenAt(value, i) is not (var n, var end))
            {
                _failed = true;
                return string.Empty;
            }

            result.Append(Checked(value[literal..i])).Append(Emit(n, attribute));
            literal = end;
        }

        return result.Append(Checked(value[literal..])).ToString();
    }

    private string Checked(string literal)
    {
        if (literal.Contains("{{", StringComparison.Ordinal) || literal.Contains("{%", StringComparison.Ordinal))
        {
            _failed = true;
        }

        return literal;
    }

    /// <summary>Placeholder <paramref name="n"/> as Liquid: outputs at most once, tags exactly once and in their order.</summary>
    private string Emit(int n, bool attribute)
    {
        var liquid = held.Held[n - 1];
        var tag = liquid.StartsWith("{%", StringComparison.Ordinal);
        if (_emitted[n - 1] || (tag && n < _lastTag))
        {
            _failed = true;
            return string.Empty;
        }

        _emitted[n - 1] = true;
        if (tag)
        {
            _lastTag = n;
            return liquid;
        }

        return LiquidHtmlText.Output(liquid, attribute);
    }

    /// <summary>Whether <paramref name="template"/> is literal text; <paramref name="prefix"/> is its text before any Liquid.</summary>
    private static bool Literal(string template, out string prefix)
    {
        var output = template.IndexOf("{{", StringComparison.Ordinal);
        var tag = template.IndexOf("{%", StringComparison.Ordinal);
        var first = output < 0 ? tag : tag < 0 ? output : Math.Min(output, tag);
        prefix = first < 0 ? template : template[..first];
        return first < 0;
    }

    private static bool Differ(string a, string b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return true;
            }
        }

        return false;
    }
}
