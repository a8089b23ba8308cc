using System.Buffers;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kizuna.Messaging.Channels.Email.Catcher;

/// <summary>The SMTP server's message store: every message accepted goes to <see cref="CaughtMessages"/>.</summary>
internal sealed class CatcherStore(CaughtMessages caught, TimeProvider time) : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        caught.Add(time.GetUtcNow(), Address(transaction.From), [.. transaction.To.Select(Address).OfType<string>()], buffer.ToArray());
        return Task.FromResult(SmtpResponse.Ok);
    }

    private static string? Address(IMailbox? mailbox) => mailbox is null || string.IsNullOrEmpty(mailbox.User) ? null : $"{mailbox.User}@{mailbox.Host}";
}
