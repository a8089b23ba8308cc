using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Kizuna.Messaging.Channels.Email.Catcher;

/// <summary>
/// The SMTP server's listener with <c>TCP_NODELAY</c> on each accepted socket. The package's own leaves Nagle's
/// algorithm on, so its replies to a client's pipelined commands wait for the client's delayed acknowledgement
/// (40 ms on Linux): about 25 messages a second per connection instead of thousands.
/// </summary>
public sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    /// <summary>Raised with the bound address once listening (port 0 picks a free port).</summary>
    public event EventHandler<EndpointEventArgs>? EndpointStarted;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        EndpointStarted?.Invoke(this, new EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The connection as pipes; the catcher and test peers speak plain SMTP on loopback, so no STARTTLS.</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());

        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This listener speaks plain SMTP.");

        public void Dispose() => client.Dispose();
    }
}
