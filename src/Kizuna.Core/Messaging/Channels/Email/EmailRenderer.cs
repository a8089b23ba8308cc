using System.Net;
using Kizuna.Messaging.Content;
using Kizuna.Templates;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// Renders an email for one recipient: subject, preheader, HTML and text through the template service (each field
/// compiled once per template version), then the CSS of the HTML inlined for mail clients (PreMailer.Net), the
/// preheader put first in the body as hidden text, and the text part derived from the HTML when the template has none.
/// A stored version's CSS is inlined once, on its Liquid source (<see cref="LiquidCssInliner"/>), and only Liquid runs
/// per message; a source that cannot be inlined that way, and an unsaved one (a preview), is inlined after each render.
/// </summary>
public sealed class EmailRenderer(TemplateService templates)
{
    private const int MaxCached = 1_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Id, int Version), string?> _inlined = new();

    public async ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        if (template.Content is not EmailContent email)
        {
            throw new ArgumentException($"Template {template.Id} is not an email.", nameof(template));
        }

        var subject = await templates.RenderAsync(Source(template, "subject", email.Subject), model, options, ct);
        if (RenderOutcome.Failed("subject", subject) is { } badSubject)
        {
            return badSubject;
        }

        var inlinedSource = template.Id == 0 ? null : InlinedSource(template, email.Html);
        var html = await templates.RenderAsync(
            inlinedSource is null ? Source(template, "html", email.Html) : new($"message:{template.Id}:html-inlined", template.Version, inlinedSource), model, options, ct);
        if (RenderOutcome.Failed("html", html) is { } badHtml)
        {
            return badHtml;
        }

        string? preheader = null;
        if (email.Preheader is { } preheaderSource)
        {
            var rendered = await templates.RenderAsync(Source(template, "preheader", preheaderSource), model, options, ct);
            if (RenderOutcome.Failed("preheader", rendered) is { } badPreheader)
            {
                return badPreheader;
            }

            preheader = rendered.Output;
        }

        string? text = null;
        if (email.Text is { } textSource)
        {
            var rendered = await templates.RenderAsync(Source(template, "text", textSource), model, options, ct);
            if (RenderOutcome.Failed("text", rendered) is { } badText)
            {
                return badText;
            }

            text = rendered.Output;
        }

        var inlined = inlinedSource is null ? Inline(WithPreheader(html.Output!, preheader)) : WithPreheader(html.Output!, preheader);
        return RenderOutcome.Of(new RenderedEmail(OneLine(subject.Output!), inlined, text ?? HtmlText.From(inlined)));
    }

    /// <summary>The HTML with its style sheets moved into style attributes; media queries stay in a style element.</summary>
    public static string Inline(string html) =>
        html.Contains("<style", StringComparison.OrdinalIgnoreCase)
            ? PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, preserveMediaQueries: true).Html
            : html;

    /// <summary>The version's HTML source with its CSS inlined, computed once; null when it is inlined per message.</summary>
    private string? InlinedSource(MessageTemplate template, string html)
    {
        var key = (template.Id, template.Version);
        if (_inlined.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_inlined.Count >= MaxCached)
        {
            _inlined.Clear();
        }

        return _inlined[key] = LiquidCssInliner.Inline(html);
    }

    /// <summary>A stored version's field is compiled once and cached; an unsaved template (id 0, a preview) never is.</summary>
    private static TemplateSource Source(MessageTemplate template, string field, string body) =>
        template.Id == 0 ? TemplateSource.Adhoc(body) : new($"message:{template.Id}:{field}", template.Version, body);

    /// <summary>A subject is one line: a header cannot carry the line breaks a template's whitespace leaves.</summary>
    private static string OneLine(string subject) => string.Join(' ', subject.Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string WithPreheader(string html, string? preheader)
    {
        if (string.IsNullOrWhiteSpace(preheader))
        {
            return html;
        }

        var hidden = $"<div data-preheader style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\">{WebUtility.HtmlEncode(preheader.Trim())}</div>";
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var at = body < 0 ? 0 : html.IndexOf('>', body) + 1;
        return html.Insert(at, hidden);
    }
}
