using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Channels;

/// <summary>
/// Extension point: what a channel makes of a stored template and one recipient's data. Each channel has one,
/// beside its <see cref="IChannelAdapter"/>.
/// </summary>
public interface IMessageComposer
{
    MessageChannel Channel { get; }

    /// <summary>The stored template as this channel's content; null when it cannot be sent on this channel.</summary>
    MessageTemplate? TemplateFrom(StoredTemplate stored);

    ValueTask<RenderOutcome> RenderAsync(MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct);

    /// <summary>The message's id at the receiving end, derived from the outbox row alone so a resend repeats it.</summary>
    string DeliveryId(OutboxMessage message);
}
