using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kizuna.Browser;

/// <summary>
/// A shop's own page on a loopback port of its own: another origin than Kizuna, so the snippet's calls go through CORS
/// as on a customer's site (and, being on loopback too, pass the browser's local-network checks).
/// </summary>
public sealed class ShopPage : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _html;

    public ShopPage(string html)
    {
        _html = Encoding.UTF8.GetBytes(html);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(_html);
            context.Response.Close();
        }
    }
}
