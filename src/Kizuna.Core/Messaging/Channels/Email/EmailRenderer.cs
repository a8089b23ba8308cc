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
/// The derived text part of a stored version is a Liquid template made once too (<see cref="LiquidHtmlText"/>), so
/// the HTML is not parsed a second time per message.
/// </summary>
public sealed class EmailRenderer(TemplateService templates)
{
    private const int MaxCached = 1_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Id, int Version), EmailVersion> _versions = new();
    private bool? _textFilters;

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

        var version = template.Id == 0 ? null : await VersionAsync(template, email, ct);
        var inlinedSource = version?.Html;
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
        return RenderOutcome.Of(new RenderedEmail(OneLine(subject.Output!), inlined, text ?? await DerivedTextAsync(template, version, inlined, model, options, ct)));
    }

    /// <summary>The text part from the version's text template, or from the rendered HTML when the template has none or passes.</summary>
    private async ValueTask<string> DerivedTextAsync(MessageTemplate template, EmailVersion? version, string html, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        if (version?.Text is not { } source)
        {
            return HtmlText.From(html);
        }

        var rendered = await templates.RenderAsync(new TemplateSource($"message:{template.Id}:text-derived", template.Version, source), model, options, ct);
        var text = rendered.Output is { } output ? LiquidHtmlText.Finish(output) : null;
        if (text is not null && version.TextChecked)
        {
            return text;
        }

        var fromHtml = HtmlText.From(html);
        if (text is not null)
        {
            if (text == fromHtml)
            {
                version.TextAgreed();
            }
            else
            {
                version.TextDiffered();
            }
        }

        return fromHtml;
    }

    /// <summary>The HTML with its style sheets moved into style attributes; media queries stay in a style element.</summary>
    public static string Inline(string html) =>
        html.Contains("<style", StringComparison.OrdinalIgnoreCase)
            ? PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, preserveMediaQueries: true).Html
            : html;

    /// <summary>The version's inlined HTML source and text template, derived once.</summary>
    private async ValueTask<EmailVersion> VersionAsync(MessageTemplate template, EmailContent email, CancellationToken ct)
    {
        var key = (template.Id, template.Version);
        if (_versions.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_versions.Count >= MaxCached)
        {
            _versions.Clear();
        }

        var html = LiquidCssInliner.Inline(email.Html);
        var text = html is not null && email.Text is null && await TextFiltersAsync(ct) ? LiquidHtmlText.Derive(html) : null;
        return _versions[key] = new EmailVersion(html, text);
    }

    /// <summary>Whether the template service has the derived text's filters (<see cref="EmailTextFilters"/>); a bare one does not.</summary>
    private async ValueTask<bool> TextFiltersAsync(CancellationToken ct)
    {
        if (_textFilters is { } known)
        {
            return known;
        }

        var probe = await templates.RenderAsync($"{{{{ \"<\" | {EmailTextFilters.Text} }}}}", new TemplateModel(), new TemplateRenderOptions { Mode = TemplateMode.Strict }, ct);
        return (_textFilters = probe.Output == LiquidHtmlText.Fallback.ToString()).Value;
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
