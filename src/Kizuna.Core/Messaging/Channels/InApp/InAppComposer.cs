using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>The in-app channel's composer: header, body, image and each button's label and URL rendered for the customer.</summary>
public sealed class InAppComposer(TemplateService templates) : IMessageComposer
{
    public MessageChannel Channel => MessageChannel.InApp;

    public MessageTemplate? TemplateFrom(StoredTemplate stored) => MessageTemplate.From(stored, MessageChannel.InApp);

    public async ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        var content = (InAppContent)template.Content;
        var (fields, failed) = await LiquidFields.RenderAsync(templates, template, model, options, ct);
        if (failed is not null)
        {
            return failed;
        }

        if (string.IsNullOrEmpty(fields["body"]))
        {
            return new RenderOutcome(null, [new TemplateError(TemplateErrorKind.Render, "body: the message is empty once rendered.", 1, 1)]);
        }

        var buttons = (content.Buttons ?? []).Select((b, i) => new RenderedButton(
            fields[$"buttons[{i}].label"] ?? string.Empty, b.Action, b.Action == "url" ? LiquidFields.Blank(fields.GetValueOrDefault($"buttons[{i}].url")) : null)).ToList();
        return RenderOutcome.Of(new RenderedInApp(
            InAppLayouts.Name(content.Layout), LiquidFields.Blank(fields.GetValueOrDefault("header")), fields["body"]!,
            LiquidFields.Blank(fields.GetValueOrDefault("imageUrl")), buttons));
    }

    public string DeliveryId(OutboxMessage message) => DeliveryIds.For(message);
}
