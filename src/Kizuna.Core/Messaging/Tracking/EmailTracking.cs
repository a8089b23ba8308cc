using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Makes an email's opens and clicks visible: each http(s) link of its HTML becomes a signed redirect through this
/// server and a 1×1 pixel is put last in the body, as the workspace's <see cref="TrackingSettings"/> say. The
/// message's own unsubscribe, preferences and web-view links, <c>mailto:</c> links and links marked
/// <c>data-notrack</c> stay as they are; so does the text part. Messages to an address no profile has, and test sends,
/// are left alone.
/// </summary>
public sealed partial class EmailTracking(TrackingLinks links, MessagingSettingsStore settings) : IContentFilter
{
    public async ValueTask<RenderedContent> ApplyAsync(OutboxMessage message, RenderedContent content, CancellationToken ct)
    {
        if (content is not RenderedEmail email || message.ProfileId <= 0 || MessageSources.IsTest(message))
        {
            return content;
        }

        var tracking = (await settings.GetAsync(message.WorkspaceId, ct)).Tracking;
        if (!tracking.Opens && !tracking.Clicks)
        {
            return content;
        }

        var signed = await links.ForAsync(new LinkTarget(message.WorkspaceId, message.Id, message.ProfileId), ct);
        var html = tracking.Clicks ? RewriteLinks(email.Html, signed) : email.Html;
        return email with { Html = tracking.Opens ? WithPixel(html, signed.OpenUrl) : html };
    }

    private string RewriteLinks(string html, TrackingLinks.MessageTracking signed) => AnchorHref().Replace(html, match =>
    {
        var url = WebUtility.HtmlDecode(match.Groups["url"].Value);
        if (match.Value.Contains("data-notrack", StringComparison.OrdinalIgnoreCase) || links.IsOwn(url) || signed.ClickUrl(url) is not { } redirect)
        {
            return match.Value;
        }

        var value = match.Groups["url"];
        return new StringBuilder(match.Value).Remove(value.Index - match.Index, value.Length).Insert(value.Index - match.Index, redirect).ToString();
    });

    private static string WithPixel(string html, string url)
    {
        var pixel = $"<img src=\"{url}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\">";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + pixel : html.Insert(end, pixel);
    }

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*(["'])(?<url>https?://[^"']+)\1[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchorHref();
}
