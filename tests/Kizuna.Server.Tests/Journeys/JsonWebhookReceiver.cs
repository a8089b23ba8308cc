using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Kizuna.Server.Journeys;

/// <summary>
/// A webhook receiver on loopback (HttpListener, a port from 5400 to 5409) that keeps every request and answers a
/// JSON body on <c>/ok</c> and 400 on any other path.
/// </summary>
public sealed class JsonWebhookReceiver : IAsyncDisposable
{
    public const string Answer = """{"code": "X-1", "tier": "gold"}""";

    private readonly HttpListener _listener;
    private readonly Task _loop;

    private JsonWebhookReceiver(HttpListener listener, string url)
    {
        _listener = listener;
        Url = url;
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Path, HeaderDictionary Headers, string Body)> Requests { get; } = new();

    public static JsonWebhookReceiver Start()
    {
        for (var port = 5400; port <= 5409; port++)
        {
            var listener = new HttpListener();
            var url = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(url + "/");
            try
            {
                listener.Start();
                return new JsonWebhookReceiver(listener, url);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }

        throw new InvalidOperationException("No free port from 5400 to 5409.");
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
            if (path == "/ok")
            {
                var body = Encoding.UTF8.GetBytes(Answer);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
            }
            else
            {
                context.Response.StatusCode = 400;
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
