using Kizuna.Messaging.Outbox;
using Kizuna.Messaging.Tracking;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>
/// Acts on reports that come back by email after a send was accepted: a later hard bounce lists the address (reason
/// <c>bounce</c>) and records <c>Email Bounced</c> with the same event key a bounce at send time has, so one message's
/// bounce counts once however it arrives; a complaint goes through <see cref="SuppressionService"/> (listed,
/// unsubscribed from marketing email, <c>Email Complained</c>). A report counts only when the message it quotes is
/// one of Kizuna's (its deterministic <c>Message-ID</c>) and was sent to the address the report names, so a forged
/// report must know both.
/// </summary>
public sealed partial class InboundReports(
    OutboxStore outbox, SuppressionStore store, SuppressionService suppressions, EngagementEvents events, TimeProvider time, ILogger<InboundReports> logger)
{
    /// <summary>Acts on every report the message holds; how many counted.</summary>
    public async Task<int> TakeAsync(MimeMessage message, CancellationToken ct)
    {
        var counted = 0;
        foreach (var report in BounceReportReader.Read(message))
        {
            if (EmailMessageIds.Parse(report.OriginalMessageId) is not var (workspaceId, messageId)
                || await outbox.FindAsync(workspaceId, messageId, ct) is not { Channel: MessageChannel.Email } sent
                || !string.Equals(sent.Recipient, report.Recipient, StringComparison.OrdinalIgnoreCase))
            {
                LogUnmatched(logger, report.Kind);
                continue;
            }

            await (report.Kind == BounceReportKind.HardBounce ? BouncedAsync(sent, report, ct) : ComplainedAsync(sent, ct));
            counted++;
        }

        return counted;
    }

    private async Task BouncedAsync(OutboxMessage sent, BounceReport report, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await store.AddAsync(sent.WorkspaceId, [new SuppressedAddress(
            MessageChannel.Email, SuppressionAddresses.OfMessage(MessageChannel.Email, sent.Recipient!), SuppressionReasons.Bounce,
            sent.ProfileId, sent.Id, report.Status, now)], ct);
        if (MessageSources.IsTest(sent))
        {
            return;
        }

        await events.RecordAsync(
            [BounceRecorder.BouncedEvent(sent, now, ("status", report.Status), ("reported_by", "dsn"))], ct);
    }

    private Task ComplainedAsync(OutboxMessage sent, CancellationToken ct) =>
        suppressions.AddAsync(sent.WorkspaceId, [new SuppressionRequest(MessageChannel.Email, SuppressionAddresses.OfMessage(MessageChannel.Email, sent.Recipient!), SuppressionReasons.Complaint, "feedback loop")], ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "A returned {Kind} report names no message Kizuna sent to that address; ignored")]
    private static partial void LogUnmatched(ILogger logger, BounceReportKind kind);
}
