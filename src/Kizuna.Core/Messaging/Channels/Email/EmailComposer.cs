using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>Email's composer: stored templates as emails, rendered by <see cref="EmailRenderer"/>, Message-IDs by <see cref="EmailMessageFactory"/>.</summary>
public sealed class EmailComposer(EmailRenderer renderer, EmailMessageFactory factory) : IMessageComposer
{
    public MessageChannel Channel => MessageChannel.Email;

    public MessageTemplate? TemplateFrom(StoredTemplate stored) => MessageTemplate.EmailFrom(stored);

    public ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct) =>
        renderer.RenderAsync(template, model, options, ct);

    public string DeliveryId(OutboxMessage message) => factory.MessageId(message);
}
