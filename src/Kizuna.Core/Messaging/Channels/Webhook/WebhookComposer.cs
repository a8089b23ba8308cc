using System.Text.Json;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels.Webhook;

/// <summary>
/// Webhook's composer: URL, headers and body rendered; the URL must be absolute http(s), the body JSON, and no header
/// may stand in for the signature's or the transport's own.
/// </summary>
public sealed class WebhookComposer(TemplateService templates) : IMessageComposer
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "webhook-id", "webhook-timestamp", "webhook-signature", "host", "content-length", "content-type", "transfer-encoding", "connection",
    };

    public MessageChannel Channel => MessageChannel.Webhook;

    /// <summary>A header the webhook sets itself (the signature's, the transport's), which no template may set.</summary>
    public static bool IsReserved(string name) => Reserved.Contains(name);

    public MessageTemplate? TemplateFrom(StoredTemplate stored) => MessageTemplate.From(stored, MessageChannel.Webhook);

    public async ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        var webhook = (WebhookContent)template.Content;
        var url = await templates.RenderAsync(Source(template, "url", webhook.Url), model, options, ct);
        if (RenderOutcome.Failed("url", url) is { } badUrl)
        {
            return badUrl;
        }

        if (!Uri.TryCreate(url.Output!.Trim(), UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            return Problem("url: the rendered URL is not an absolute http(s) URL.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, source) in webhook.Headers ?? new Dictionary<string, string>())
        {
            if (Reserved.Contains(name))
            {
                return Problem($"headers.{name}: this header is set by the webhook itself.");
            }

            var value = await templates.RenderAsync(Source(template, $"headers.{name}", source), model, options, ct);
            if (RenderOutcome.Failed($"headers.{name}", value) is { } badHeader)
            {
                return badHeader;
            }

            headers[name] = value.Output!.Trim();
        }

        string? body = null;
        if (webhook.Body is { } bodySource)
        {
            var rendered = await templates.RenderAsync(Source(template, "body", bodySource), model, options, ct);
            if (RenderOutcome.Failed("body", rendered) is { } badBody)
            {
                return badBody;
            }

            body = rendered.Output!;
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                return Problem($"body: the rendered body is not JSON ({e.Message}).");
            }
        }

        return RenderOutcome.Of(new RenderedWebhook(webhook.Method, target, headers, body));
    }

    /// <summary>The Standard Webhooks <c>webhook-id</c>: the same for every try of a message.</summary>
    public string DeliveryId(OutboxMessage message) => DeliveryIds.For(message);

    private static TemplateSource Source(MessageTemplate template, string field, string body) =>
        template.Id == 0 ? TemplateSource.Adhoc(body) : new($"message:{template.Id}:{field}", template.Version, body);

    private static RenderOutcome Problem(string message) => new(null, [new TemplateError(TemplateErrorKind.Render, message, 1, 1)]);
}
