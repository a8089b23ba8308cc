using System.Collections.Concurrent;
using System.Net.Sockets;
using Kizuna.Messaging.Channels.Email.Catcher;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// Open SMTP connections, at most <see cref="EmailOptions.PoolSize"/> in use at once. Each is a socket connected with
/// <c>TCP_NODELAY</c> and handed to MailKit: with Nagle's algorithm on, every pipelined command waits for the
/// previous segment's acknowledgement (40 ms on Linux), which cut the rate to a seventieth on loopback.
/// <para>
/// A connection idle for <see cref="IdleCheck"/> or longer answers a <c>NOOP</c> before it is handed out again:
/// servers close connections left idle (Postfix after five minutes), and the client learns it only from the next
/// command, so a send over such a connection failed and waited for its job's retry (10 s, then 20, 40 …).
/// </para>
/// </summary>
public sealed class SmtpConnectionPool(IOptions<EmailOptions> options, SmtpCatcher catcher, TimeProvider time) : IAsyncDisposable
{
    /// <summary>How long a connection may sit in the pool before it is checked with a <c>NOOP</c> on its next use.</summary>
    public static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(10);

    private readonly EmailOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.PoolSize, options.Value.PoolSize);
    private readonly ConcurrentBag<(SmtpClient Client, long ReturnedAt)> _idle = [];

    public int Size => _options.PoolSize;

    /// <summary>A connected client, reused when one is idle; give it back with <see cref="Return"/>.</summary>
    public async Task<SmtpClient> RentAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            while (_idle.TryTake(out var idle))
            {
                if (idle.Client.IsConnected && await StillOpenAsync(idle.Client, idle.ReturnedAt, ct))
                {
                    return idle.Client;
                }

                idle.Client.Dispose();
            }

            return await ConnectAsync(ct);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives a client back: kept when it is still good, else closed.</summary>
    public void Return(SmtpClient client, bool healthy)
    {
        if (healthy && client.IsConnected)
        {
            _idle.Add((client, time.GetTimestamp()));
        }
        else
        {
            client.Dispose();
        }

        _slots.Release();
    }

    private async Task<bool> StillOpenAsync(SmtpClient client, long returnedAt, CancellationToken ct)
    {
        if (time.GetElapsedTime(returnedAt) < IdleCheck)
        {
            return true;
        }

        try
        {
            await client.NoOpAsync(ct);
            return true;
        }
        catch (Exception)
        {
            // Closed, refused or cut off: the caller closes it (a cancellation then stops the next connect).
            return false;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var (host, port, security) = _options.UseCatcher
            ? ("127.0.0.1", await catcher.PortAsync(ct), SmtpSecurity.None)
            : (_options.Host, _options.Port, _options.Security);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await socket.ConnectAsync(host, port, ct);
            await client.ConnectAsync(socket, host, port, Secure(security), ct);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            var client = idle.Client;
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or OperationCanceledException)
            {
                // Closing anyway.
            }

            client.Dispose();
        }

        _slots.Dispose();
    }
}
