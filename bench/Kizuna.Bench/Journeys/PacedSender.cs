using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Kizuna.Bench.Journeys;

/// <summary>
/// Sends prepared <c>/v1/batch</c> bodies on a fixed schedule (body <c>i</c> not before its slot at the rate: an open
/// load), spreading them over the servers in turn, and keeps each body's acknowledgement as a wall-clock time in
/// milliseconds, so what the servers stamped later (the outbox row) can be set against it.
/// </summary>
public sealed class PacedSender : IDisposable
{
    private readonly HttpClient[] _clients;

    public PacedSender(IReadOnlyList<Uri> servers, string writeKey, int connections)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        _clients = [.. servers.Select(s => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = s,
            DefaultRequestVersion = HttpVersion.Version11,
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestHeaders = { Authorization = basic },
        })];
    }

    /// <summary>Per body: its acknowledgement (Unix ms) and its round trip (ms); a failed body has no acknowledgement (0).</summary>
    public async Task<(long[] AckedAt, double[] RoundTrips, TimeSpan Elapsed)> SendAsync(IReadOnlyList<byte[]> bodies, double bodiesPerSecond, int connections, CancellationToken ct)
    {
        var acked = new long[bodies.Count];
        var trips = new double[bodies.Count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri("/v1/batch", UriKind.Relative);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                if (TimeSpan.FromSeconds(i / bodiesPerSecond) - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } early)
                {
                    await Task.Delay(early, ct);
                }

                var sent = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _clients[i % _clients.Length].PostAsync(uri, content, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                trips[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                acked[i] = response.IsSuccessStatusCode ? TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() : 0;
            }
        }, ct)));
        return (acked, trips, Stopwatch.GetElapsedTime(started));
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
