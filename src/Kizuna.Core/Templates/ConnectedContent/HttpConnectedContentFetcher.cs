using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates.ConnectedContent;

/// <summary>
/// Fetches connected content over HTTP through the guarded client (see <see cref="PrivateNetworkGuard"/>), caps the
/// response size and reuses a response for the same URL for the configured duration.
/// </summary>
public sealed class HttpConnectedContentFetcher(IHttpClientFactory clients, IOptions<TemplateOptions> options, TimeProvider time)
    : IConnectedContentFetcher
{
    public const string ClientName = "Kizuna.ConnectedContent";
    private const int MaxCachedUrls = 10_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, string Body)> _cache = new(StringComparer.Ordinal);

    /// <summary>The primary handler of the named client: guarded connects, no redirects, no cookies.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetworks) => new()
    {
        ConnectCallback = new PrivateNetworkGuard(allowPrivateNetworks).ConnectAsync,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public async ValueTask<string> FetchAsync(Uri url, CancellationToken ct)
    {
        var settings = options.Value;
        var key = url.AbsoluteUri;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Body;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.ConnectedContentTimeout);
        var body = await GetAsync(url, settings.ConnectedContentMaxBytes, timeout.Token);
        if (settings.ConnectedContentCacheDuration > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxCachedUrls)
            {
                _cache.Clear();
            }

            _cache[key] = (now + settings.ConnectedContentCacheDuration, body);
        }

        return body;
    }

    private async Task<string> GetAsync(Uri url, int maxBytes, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is ConnectedContentException refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new ConnectedContentException($"{url.Host} could not be reached: {e.Message}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectedContentException($"{url.Host} answered {(int)response.StatusCode}.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new ConnectedContentException($"The response from {url.Host} is larger than {maxBytes} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
