using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Kizuna.Server;

/// <summary>
/// A webhook receiver on loopback (HttpListener) that keeps every request. It answers 200 with no body, or what the
/// <c>answer</c> callback gives for the request's path (a status and an optional JSON body). It listens on a free
/// port of the system's, or on the first free one of a given range (for machines where tests keep to their ports).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<string, WebhookReply> _answer;
    private readonly Task _loop;

    private WebhookReceiver(HttpListener listener, string url, Func<string, WebhookReply> answer)
    {
        _listener = listener;
        _answer = answer;
        Url = url;
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Path, HeaderDictionary Headers, string Body)> Requests { get; } = new();

    /// <summary>Starts listening; <paramref name="answer"/> (default: 200, no body) answers by path; <paramref name="ports"/> the range to take a port from (default: any free one).</summary>
    public static WebhookReceiver Start(Func<string, WebhookReply>? answer = null, (int First, int Last)? ports = null)
    {
        answer ??= _ => new WebhookReply(200);
        var (first, last) = ports ?? (FreePort(), 0);
        for (var port = first; port <= Math.Max(first, last); port++)
        {
            var listener = new HttpListener();
            var url = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(url + "/");
            try
            {
                listener.Start();
                return new WebhookReceiver(listener, url, answer);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }

        throw new InvalidOperationException($"No free port from {first} to {last}.");
    }

    /// <summary>Checks a request's Standard Webhooks signature with the StandardWebhooks package; throws when it is wrong.</summary>
    public static void Verify((string Path, HeaderDictionary Headers, string Body) request, string secret) =>
        new StandardWebhook(secret).Verify(request.Body, request.Headers);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var headers = new HeaderDictionary();
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            {
                headers[name] = context.Request.Headers[name];
            }

            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue((path, headers, await reader.ReadToEndAsync()));
            var reply = _answer(path);
            context.Response.StatusCode = reply.Status;
            if (reply.Json is { } json)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(json));
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
