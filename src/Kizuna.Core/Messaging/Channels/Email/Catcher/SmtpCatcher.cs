using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmtpServer;

namespace Kizuna.Messaging.Channels.Email.Catcher;

/// <summary>
/// A real SMTP server on loopback inside the process (the SmtpServer package) that keeps what it receives, so the
/// demo's email goes somewhere a person can read it (<c>GET /api/messages/caught</c>). It listens only when
/// <see cref="EmailOptions.UseCatcher"/> is set, or when started by hand (tests).
/// </summary>
public sealed class SmtpCatcher(IOptions<EmailOptions> options, TimeProvider time) : BackgroundService
{
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CaughtMessages Caught { get; } = new(options.Value.CatcherCapacity);

    /// <summary>The port it listens on, once it does.</summary>
    public Task<int> PortAsync(CancellationToken ct) => _port.Task.WaitAsync(ct);

    /// <summary>Listens whatever the settings say (a test's SMTP peer); stop it with the host or <see cref="BackgroundService.StopAsync"/>.</summary>
    public Task ListenAsync(CancellationToken ct) => RunAsync(ct);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.UseCatcher ? RunAsync(stoppingToken) : Task.CompletedTask;

    private async Task RunAsync(CancellationToken ct)
    {
        var smtpOptions = new SmtpServerOptionsBuilder()
            .ServerName("kizuna-catcher")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, options.Value.CatcherPort)))
            .Build();
        var listeners = new NoDelayListenerFactory();
        listeners.EndpointStarted += (_, e) => _port.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new CatcherStore(Caught, time));
        var server = new SmtpServer.SmtpServer(smtpOptions, services);
        try
        {
            await server.StartAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped with the host.
        }
    }
}
