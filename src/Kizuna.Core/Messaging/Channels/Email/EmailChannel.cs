using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// Email over SMTP: a batch is split over the pool's connections and each part sent in order on its connection
/// (MailKit pipelines each message's envelope). A 4xx reply is transient, a 5xx reply permanent (to the recipient or
/// the message, a hard bounce); a dropped connection (or any other failure but cancellation) makes the message in
/// hand transient, and the rest of its part goes on over a new connection.
/// </summary>
public sealed partial class EmailChannel(SmtpConnectionPool pool, EmailMessageFactory factory, ILogger<EmailChannel> logger) : IChannelAdapter
{
    public MessageChannel Channel => MessageChannel.Email;

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
    {
        var parts = Math.Min(pool.Size, batch.Count);
        return Task.WhenAll(Enumerable.Range(0, parts).Select(p => SendPartAsync(batch.Where((_, i) => i % parts == p).ToList(), results, ct)));
    }

    private async Task SendPartAsync(List<ReadyMessage> part, SendResults results, CancellationToken ct)
    {
        SmtpClient? client = null;
        var healthy = true;
        try
        {
            for (var i = 0; i < part.Count; i++)
            {
                var ready = part[i];
                if (client is null)
                {
                    try
                    {
                        client = await pool.RentAsync(ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogConnectFailed(logger, e.GetType().Name, e.Message);
                        foreach (var rest in part.Skip(i))
                        {
                            results.Transient(rest, $"Could not connect to the SMTP server: {e.Message}");
                        }

                        return;
                    }
                }

                try
                {
                    using var mime = factory.Create(ready);
                    await client.SendAsync(mime, ct);
                    results.Sent(ready);
                }
                catch (SmtpCommandException e)
                {
                    var code = (int)e.StatusCode;
                    if (code is >= 500 and < 600 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
                    {
                        // The receiving server refused this address or this message for good: a hard bounce. A
                        // refused sender is this server's own problem and suppresses no one.
                        results.Bounced(ready, code, $"{code} {e.Message}");
                    }
                    else if (code is >= 500 and < 600)
                    {
                        results.Permanent(ready, $"{code} {e.Message}");
                    }
                    else
                    {
                        results.Transient(ready, $"{code} {e.Message}");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A dropped connection, or anything unforeseen: the message is tried again later, and the rest
                    // of the part goes on over a new connection, since this one's state is unknown.
                    results.Transient(ready, IsConnectionFault(e) ? $"The SMTP connection failed: {e.Message}" : $"Sending failed: {e.GetType().Name}");
                    pool.Return(client, healthy: false);
                    client = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // A command cut off midway leaves the connection in an unknown state.
            healthy = false;
            throw;
        }
        finally
        {
            if (client is not null)
            {
                pool.Return(client, healthy);
            }
        }
    }

    private static bool IsConnectionFault(Exception e) =>
        e is IOException or SocketException or ProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP connection failed: {Kind}: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string kind, string reason);
}
