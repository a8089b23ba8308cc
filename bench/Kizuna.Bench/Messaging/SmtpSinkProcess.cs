using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kizuna.Bench.Messaging;

/// <summary>Postfix's <c>smtp-sink</c> on a free loopback port: accepts and discards every message, with pipelining.</summary>
public sealed class SmtpSinkProcess : IDisposable
{
    private readonly Process _process;

    private SmtpSinkProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSinkProcess> StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/smtp-sink", $"-u nobody 127.0.0.1:{port} 1024") { UseShellExecute = false })
            ?? throw new InvalidOperationException("smtp-sink did not start (apt-get install postfix).");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpSinkProcess(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException("smtp-sink is not listening.");
    }

    public void Dispose()
    {
        _process.Kill();
        _process.Dispose();
    }
}
