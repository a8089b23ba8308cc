using System.Text.RegularExpressions;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// The text part of a stored version, derived once from its (inlined) Liquid source the way <see cref="HtmlText"/>
/// derives it from each rendered message: the source's Liquid is held in place (<see cref="LiquidPlaceholders"/>),
/// the placeholder document is parsed and walked once, and the result is a Liquid template of the text, so only Liquid
/// and <see cref="HtmlText.Tidy"/> run per message. Each output goes through a filter that passes a value the HTML
/// parser would read back unchanged and marks any other (markup, an entity, a control character) with
/// <see cref="Fallback"/>; such a message is derived from its rendered HTML instead. A source whose text could depend
/// on the data in another way answers null: whitespace control, tags that write or capture, Liquid that decides
/// whether a link's address is shown.
/// </summary>
public static partial class LiquidHtmlText
{
    /// <summary>Marks a message whose text must be derived from its rendered HTML.</summary>
    public const char Fallback = '\uFFFF';

    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor", "break", "continue", "assign", "comment", "endcomment",
    };

    public static string? Derive(string source)
    {
        if (LiquidPlaceholders.Hold(source) is not { } held || !held.Held.All(Allowed))
        {
            return null;
        }

        var document = HtmlText.Parser.ParseDocument(held.Document);
        var walk = new LiquidTextWalk(held);
        if (document.Body is { } body)
        {
            walk.Walk(body);
        }

        return walk.Result();
    }

    /// <summary>The text of one message from the derived template's output; null when it must come from the HTML.</summary>
    public static string? Finish(string rendered) =>
        rendered.Contains(Fallback, StringComparison.Ordinal) ? null : HtmlText.Tidy(rendered.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));

    /// <summary>
    /// An output in the text: a trailing <c>escape</c> is dropped (the parser decodes what it encoded) for a check
    /// that the raw value has no character the parser would change; any other output is checked as the HTML has it.
    /// </summary>
    internal static string Output(string liquid, bool attribute)
    {
        if (Escaped().Match(liquid) is { Success: true } escaped)
        {
            return $"{{{{{escaped.Groups["expr"].Value}| {EmailTextFilters.Raw} }}}}";
        }

        return $"{{{{{liquid[2..^2].TrimEnd()} | {(attribute ? EmailTextFilters.Attribute : EmailTextFilters.Text)} }}}}";
    }

    /// <summary>Whether the output is one of the message's own links, always an absolute http(s) URL.</summary>
    internal static bool IsOwnLink(string liquid) => OwnLink().IsMatch(liquid);

    private static bool Allowed(string liquid)
    {
        if (liquid.StartsWith("{{-", StringComparison.Ordinal) || liquid.StartsWith("{%-", StringComparison.Ordinal)
            || liquid.EndsWith("-}}", StringComparison.Ordinal) || liquid.EndsWith("-%}", StringComparison.Ordinal))
        {
            return false;
        }

        if (liquid.StartsWith("{{", StringComparison.Ordinal))
        {
            return liquid[2..^2].Trim().Length > 0;
        }

        var name = liquid[2..^2].Trim().Split([' ', '\t', '\r', '\n'], 2)[0];
        return Silent.Contains(name);
    }

    [GeneratedRegex(@"^\{\{(?<expr>[\s\S]*?)\|\s*(?:escape|h)\s*\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Escaped();

    [GeneratedRegex(@"^\{\{\s*(?:unsubscribe_url|preferences_url|web_view_url)\s*\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnLink();
}
