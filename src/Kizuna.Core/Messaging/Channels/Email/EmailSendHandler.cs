using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>The <c>email</c> queue's handler: the outbox's send loop with email's composer and SMTP adapter.</summary>
public sealed class EmailSendHandler(OutboxSender sender, EmailComposer composer, EmailChannel channel) : IJobHandler
{
    public Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct) =>
        sender.SendAsync(composer, channel, jobs, outcomes, ct);
}
