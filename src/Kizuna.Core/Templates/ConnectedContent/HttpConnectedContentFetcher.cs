using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates.ConnectedContent;

/// <summary>
/// Fetches connected content over HTTP through the guarded client (see <see cref="PrivateNetworkGuard"/>), caps the
/// response size and reuses a response for the same URL for the configured duration (the 10,000 most recently used
/// URLs).
/// </summary>
/// <remarks>
/// A URL can carry a customer's email or id, so the only log line of a failed fetch names the host and the reason, without
/// a stack trace: a refused or failing API is the template's business, reported in the render's errors. The named
/// client logs nothing of its own (see <see cref="TemplatesServiceCollectionExtensions"/>).
/// </remarks>
public sealed partial class HttpConnectedContentFetcher(
    IHttpClientFactory clients, IOptions<TemplateOptions> options, TimeProvider time, ILogger<HttpConnectedContentFetcher> logger)
    : IConnectedContentFetcher
{
    public const string ClientName = "Kizuna.ConnectedContent";
    private readonly BoundedCache<string, (DateTimeOffset Expires, string Body)> _cache = new(10_000);

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
        string body;
        try
        {
            body = await GetAsync(url, settings.ConnectedContentMaxBytes, timeout.Token);
        }
        catch (ConnectedContentException e)
        {
            LogFailed(logger, url.Host, e.Reason);
            throw;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, url.Host, "no answer within the time limit");
            throw;
        }

        if (settings.ConnectedContentCacheDuration > TimeSpan.Zero)
        {
            _cache.Set(key, (now + settings.ConnectedContentCacheDuration, body));
        }

        return body;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected content from {Host} was not used: {Reason}")]
    private static partial void LogFailed(ILogger logger, string host, string reason);

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
            throw new ConnectedContentException($"{url.Host} could not be reached: {e.Message}", e) { Reason = $"unreachable ({e.HttpRequestError})" };
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
