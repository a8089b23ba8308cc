using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>The <c>sms</c> queue's handler: the outbox's send loop with SMS's composer and provider adapter.</summary>
public sealed class SmsSendHandler(OutboxSender sender, SmsComposer composer, SmsChannel channel) : IJobHandler
{
    public Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct) =>
        sender.SendAsync(composer, channel, jobs, outcomes, ct);
}
