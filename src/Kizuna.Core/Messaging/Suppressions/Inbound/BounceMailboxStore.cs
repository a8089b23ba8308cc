using System.Buffers;
using System.Data.Common;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>The bounce mailbox's message store: reads each message's reports, and answers only once they are saved.</summary>
internal sealed class BounceMailboxStore(InboundReports reports) : MessageStore
{
    private static readonly SmtpResponse TryLater = new((SmtpReplyCode)451, "Reports could not be saved now; try again later.");
    private static readonly SmtpResponse NotMime = new(SmtpReplyCode.TransactionFailed, "The message is not MIME that can be read.");

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException)
        {
            return NotMime;
        }

        try
        {
            // Anything that is not a report (an auto-reply, a person's answer) is accepted and dropped.
            await reports.TakeAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
        catch (DbException)
        {
            return TryLater;
        }
    }
}
