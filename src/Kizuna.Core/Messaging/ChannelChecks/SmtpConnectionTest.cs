using System.Net.Sockets;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Channels.Email.Catcher;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.ChannelChecks;

/// <summary>
/// Checks the email settings the way a send uses them: connects to the SMTP server (the demo's catcher when it is on),
/// says EHLO, secures the connection as <see cref="EmailOptions.Security"/> asks, authenticates when a user is set, and
/// says QUIT. Nothing is sent. A failure is reported, never thrown, with the server's answer or the network's reason.
/// </summary>
public sealed class SmtpConnectionTest(IOptions<EmailOptions> options, SmtpCatcher catcher)
{
    public async Task<ConnectionTestResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var (host, port, security) = settings.UseCatcher
            ? ("127.0.0.1", await catcher.PortAsync(ct), SmtpSecurity.None)
            : (settings.Host, settings.Port, settings.Security);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        ConnectionTestResult Result(bool ok, string detail) =>
            new(ok, host, port, security.ToString(), detail, client.IsConnected ? Capabilities(client.Capabilities) : []);
        try
        {
            await client.ConnectAsync(host, port, Secure(security), timeout.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, timeout.Token);
            }

            var result = Result(true, client.IsSecure ? "Connected over TLS." : "Connected.");
            await client.DisconnectAsync(true, timeout.Token);
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Result(false, $"No answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or NotSupportedException)
        {
            return Result(false, e.Message);
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private static IReadOnlyList<string> Capabilities(SmtpCapabilities capabilities) =>
        [.. Enum.GetValues<SmtpCapabilities>().Where(c => c != SmtpCapabilities.None && capabilities.HasFlag(c)).Select(c => c.ToString())];
}
