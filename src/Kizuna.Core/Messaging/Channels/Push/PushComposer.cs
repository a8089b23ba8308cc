using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>Push's composer: every field rendered; the message id the app can drop a repeat by from the outbox row.</summary>
public sealed class PushComposer(TemplateService templates) : IMessageComposer
{
    public MessageChannel Channel => MessageChannel.Push;

    public MessageTemplate? TemplateFrom(StoredTemplate stored) => MessageTemplate.From(stored, MessageChannel.Push);

    public async ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        var push = (PushContent)template.Content;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, source) in push.LiquidFields())
        {
            if (source is null)
            {
                continue;
            }

            var rendered = await templates.RenderAsync(template.Id == 0 ? TemplateSource.Adhoc(source) : new($"message:{template.Id}:{name}", template.Version, source), model, options, ct);
            if (RenderOutcome.Failed(name, rendered) is { } failed)
            {
                return failed;
            }

            fields[name] = rendered.Output!.Trim();
        }

        var data = fields.Where(f => f.Key.StartsWith("data.", StringComparison.Ordinal)).ToDictionary(f => f.Key[5..], f => f.Value ?? string.Empty, StringComparer.Ordinal);
        return RenderOutcome.Of(new RenderedPush(fields["title"]!, fields["body"]!, Blank(fields.GetValueOrDefault("imageUrl")), Blank(fields.GetValueOrDefault("deepLink")), data));
    }

    public string DeliveryId(OutboxMessage message) => DeliveryIds.For(message);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
