using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>The content-card channel's composer: title, text, image and link rendered for the customer; expiry and pin as saved.</summary>
public sealed class ContentCardComposer(TemplateService templates) : IMessageComposer
{
    public MessageChannel Channel => MessageChannel.ContentCard;

    public MessageTemplate? TemplateFrom(StoredTemplate stored) => MessageTemplate.From(stored, MessageChannel.ContentCard);

    public async ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        var card = (ContentCardContent)template.Content;
        var (fields, failed) = await LiquidFields.RenderAsync(templates, template, model, options, ct);
        if (failed is not null)
        {
            return failed;
        }

        if (string.IsNullOrEmpty(fields["title"]))
        {
            return new RenderOutcome(null, [new TemplateError(TemplateErrorKind.Render, "title: the card's title is empty once rendered.", 1, 1)]);
        }

        return RenderOutcome.Of(new RenderedCard(
            fields["title"]!, fields["text"] ?? string.Empty, LiquidFields.Blank(fields.GetValueOrDefault("imageUrl")),
            LiquidFields.Blank(fields.GetValueOrDefault("link")), card.ExpiresAfter, card.Pinned));
    }

    public string DeliveryId(OutboxMessage message) => DeliveryIds.For(message);
}
