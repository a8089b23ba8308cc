using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Kizuna.Messaging.Channels.Email.Catcher;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kizuna.Messaging;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package), answering each recipient's RCPT by
/// <see cref="RecipientAnswer"/> and each message's DATA by <see cref="Answer"/> (250 unless told otherwise), and
/// keeping every message it accepted.
/// </summary>
public sealed class SmtpPeer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _tries = new(StringComparer.OrdinalIgnoreCase);
    private Task _running = Task.CompletedTask;

    public ConcurrentQueue<MimeMessage> Accepted { get; } = new();

    /// <summary>The reply code for a recipient's nth try (from 1): 250 accepts, 4xx and 5xx refuse.</summary>
    public Func<string, int, int> Answer { get; set; } = (_, _) => 250;

    /// <summary>The reply code to a recipient's RCPT command: 250 accepts, 4xx and 5xx refuse before any data is sent.</summary>
    public Func<string, int> RecipientAnswer { get; set; } = _ => 250;

    public int Port { get; private set; }

    public static async Task<SmtpPeer> StartAsync()
    {
        var peer = new SmtpPeer();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new SmtpServerOptionsBuilder().ServerName("peer").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var listeners = new NoDelayListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(peer));
        services.Add(new Recipients(peer));
        peer._running = new SmtpServer.SmtpServer(options, services).StartAsync(peer._stop.Token);
        peer.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(SmtpPeer peer) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(AddressOf).First();
            var code = peer.Answer(to, peer._tries.AddOrUpdate(to, 1, (_, n) => n + 1));
            if (code != 250)
            {
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "mailbox unavailable" : "try again later"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            peer.Accepted.Enqueue(MimeMessage.Load(stream, CancellationToken.None));
            return Task.FromResult(SmtpResponse.Ok);
        }

    }

    private sealed class Recipients(SmtpPeer peer) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var code = peer.RecipientAnswer(AddressOf(to));
            return code == 250
                ? Task.FromResult(true)
                : throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "5.1.1 no such user here" : "4.2.1 mailbox busy, try later"));
        }
    }

    private static string AddressOf(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
}
