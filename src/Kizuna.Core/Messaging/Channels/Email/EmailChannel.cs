using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// Email over SMTP: the pool's connections take a batch's messages one at a time from a shared queue (MailKit
/// pipelines each message's envelope). A 4xx reply is transient, a 5xx reply permanent (to the recipient or
/// the message, a hard bounce); a dropped connection (or any other failure but cancellation) makes the message in
/// hand transient, and the connection's next message goes over a new one.
/// </summary>
public sealed partial class EmailChannel(SmtpConnectionPool pool, EmailMessageFactory factory, ILogger<EmailChannel> logger) : IChannelAdapter
{
    public MessageChannel Channel => MessageChannel.Email;

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
    {
        // Each connection takes the next message as soon as it is free, so a slow reply on one connection holds up
        // only that connection, not a share of the batch dealt to it in advance.
        var queue = new ConcurrentQueue<ReadyMessage>(batch);
        return Task.WhenAll(Enumerable.Range(0, Math.Min(pool.Size, batch.Count)).Select(_ => SendFromAsync(queue, results, ct)));
    }

    private async Task SendFromAsync(ConcurrentQueue<ReadyMessage> queue, SendResults results, CancellationToken ct)
    {
        SmtpClient? client = null;
        var healthy = true;
        try
        {
            while (queue.TryDequeue(out var ready))
            {
                if (client is null)
                {
                    try
                    {
                        client = await pool.RentAsync(ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The server is out of reach: the rest of the batch is tried later rather than each message
                        // waiting out a connection attempt of its own.
                        LogConnectFailed(logger, e.GetType().Name, e.Message);
                        results.Transient(ready, $"Could not connect to the SMTP server: {e.Message}");
                        while (queue.TryDequeue(out var rest))
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
                    // A dropped connection, or anything unforeseen: the message is tried again later, and the next
                    // message goes over a new connection, since this one's state is unknown.
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
