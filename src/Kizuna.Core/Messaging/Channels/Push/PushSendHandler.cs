using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>The <c>push</c> queue's handler: the outbox's send loop with push's composer and FCM adapter.</summary>
public sealed class PushSendHandler(OutboxSender sender, PushComposer composer, PushChannel channel) : IJobHandler
{
    public Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct) =>
        sender.SendAsync(composer, channel, jobs, outcomes, ct);
}
