using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Kizuna.Bench.Ingest;

/// <summary>
/// Sends prepared request bodies over HTTP/1.1 keep-alive from a fixed number of connections, each worker
/// taking the next body as soon as its previous one is acknowledged, and times every acknowledgement. Paced, body
/// <c>i</c> is not sent before its slot at the given rate (an open load: a slow acknowledgement does not slow the
/// schedule while connections are free).
/// </summary>
public sealed class HttpLoad(Uri server, string writeKey, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = server,
        DefaultRequestVersion = HttpVersion.Version11,
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":"))) },
    };

    public async Task<LoadResult> RunAsync(string path, IReadOnlyList<byte[]> bodies, int eventsPerBody, CancellationToken ct, double? eventsPerSecond = null)
    {
        var bodyInterval = eventsPerSecond is { } rate ? TimeSpan.FromSeconds(eventsPerBody / rate) : TimeSpan.Zero;
        var uri = new Uri(path, UriKind.Relative);
        var latencies = new double[bodies.Count];
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                if (bodyInterval * i - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } early)
                {
                    await Task.Delay(early, ct);
                }

                var sent = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _http.PostAsync(uri, content, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new LoadResult(bodies.Count, (bodies.Count - failures) * eventsPerBody, failures, elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    public void Dispose() => _http.Dispose();

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
