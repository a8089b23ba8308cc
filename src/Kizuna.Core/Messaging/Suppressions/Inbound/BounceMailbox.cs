using System.Net;
using Kizuna.Messaging.Channels.Email.Catcher;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmtpServer;

namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>
/// The SMTP listener of <see cref="BounceMailboxOptions"/> (the SmtpServer package, as the demo's catcher): every
/// message it accepts is read by <see cref="InboundReports"/> before the reply, so a 250 means its reports are
/// committed and a failure to commit answers 451 for the sender to try again.
/// </summary>
public sealed class BounceMailbox(IOptions<BounceMailboxOptions> options, InboundReports reports) : BackgroundService
{
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The port it listens on, once it does.</summary>
    public Task<int> PortAsync(CancellationToken ct) => _port.Task.WaitAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var smtpOptions = new SmtpServerOptionsBuilder()
            .ServerName("kizuna-bounces")
            .MaxMessageSize(settings.MaxMessageBytes)
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(settings.Address), settings.Port)))
            .Build();
        var listeners = new NoDelayListenerFactory();
        listeners.EndpointStarted += (_, e) => _port.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new BounceMailboxStore(reports));
        try
        {
            await new SmtpServer.SmtpServer(smtpOptions, services).StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the host.
        }
    }
}
