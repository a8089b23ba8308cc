using Kizuna.Messaging.Channels;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Outbox;

/// <summary>A channel's queue handler: the outbox's send loop with that channel's composer and adapter.</summary>
public sealed class ChannelSendHandler<TComposer, TAdapter>(OutboxSender sender, TComposer composer, TAdapter adapter) : IJobHandler
    where TComposer : IMessageComposer
    where TAdapter : IChannelAdapter
{
    public Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct) =>
        sender.SendAsync(composer, adapter, jobs, outcomes, ct);
}
