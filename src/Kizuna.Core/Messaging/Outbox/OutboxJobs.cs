using System.Globalization;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Outbox;

/// <summary>
/// The jobs that drive the outbox: one per message on its channel's queue (<c>email</c>, <c>sms</c>, …), keyed
/// <c>message:&lt;id&gt;</c>, so queuing a message twice can never send it twice; a deferral adds a job keyed by its
/// time. The payload is the message's id.
/// </summary>
public static class OutboxJobs
{
    public static string Queue(MessageChannel channel) => MessageChannels.Name(channel);

    public static NewJob For(long workspaceId, long messageId, MessageChannel channel, DateTimeOffset? dueAt = null) => new(
        Queue(channel),
        messageId.ToString(CultureInfo.InvariantCulture),
        Key: dueAt is { } due ? $"message:{messageId}:at:{due.ToUnixTimeMilliseconds()}" : $"message:{messageId}",
        WorkspaceId: workspaceId,
        DueAt: dueAt);

    /// <summary>The message a job sends, or null for a payload this version never wrote.</summary>
    public static long? MessageId(ClaimedJob job) =>
        long.TryParse(job.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
