using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Kizuna.Messaging.Channels.Email.Catcher;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kizuna.Server.Messaging;

/// <summary>
/// An SMTP server on a free loopback port in the test process (so it outlives a killed Kizuna server), counting every
/// message it accepts by recipient and Message-ID.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private long _accepted;

    /// <summary>Per recipient, the Message-ID of every copy that arrived.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string?>> ByRecipient { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long Accepted => Interlocked.Read(ref _accepted);

    public int Port { get; private set; }

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new SmtpServerOptionsBuilder().ServerName("sink").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var listeners = new NoDelayListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(sink));
        sink._running = new SmtpServer.SmtpServer(options, services).StartAsync(sink._stop.Token);
        sink.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return sink;
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

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var id = HeaderList.Load(stream, CancellationToken.None)[HeaderId.MessageId];
            foreach (var to in transaction.To)
            {
                sink.ByRecipient.GetOrAdd($"{to.User}@{to.Host}", _ => new()).Enqueue(id);
            }

            Interlocked.Increment(ref sink._accepted);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
