using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Channels.Webhook;

/// <summary>The <c>webhook</c> queue's handler: the outbox's send loop with the webhook composer and adapter.</summary>
public sealed class WebhookSendHandler(OutboxSender sender, WebhookComposer composer, WebhookChannel channel) : IJobHandler
{
    public Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct) =>
        sender.SendAsync(composer, channel, jobs, outcomes, ct);
}
