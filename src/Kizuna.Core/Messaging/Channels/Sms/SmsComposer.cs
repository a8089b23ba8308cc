using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>SMS's composer: the template's body rendered and trimmed, its segments counted; the provider's idempotency key from the outbox id.</summary>
public sealed class SmsComposer(TemplateService templates) : IMessageComposer
{
    public MessageChannel Channel => MessageChannel.Sms;

    public MessageTemplate? TemplateFrom(StoredTemplate stored) => MessageTemplate.From(stored, MessageChannel.Sms);

    public async ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        var sms = (SmsContent)template.Content;
        var body = await templates.RenderAsync(
            template.Id == 0 ? TemplateSource.Adhoc(sms.Body) : new($"message:{template.Id}:body", template.Version, sms.Body), model, options, ct);
        if (RenderOutcome.Failed("body", body) is { } failed)
        {
            return failed;
        }

        var text = body.Output!.Trim();
        return text.Length == 0
            ? new RenderOutcome(null, [new TemplateError(TemplateErrorKind.Render, "body: the text is empty once rendered.", 1, 1)])
            : RenderOutcome.Of(new RenderedSms(text, SmsSegments.Count(text)));
    }

    /// <summary>The same for every try of a message: <c>kz-{workspace}-{message}</c>.</summary>
    public string DeliveryId(OutboxMessage message) => DeliveryIds.For(message);
}
