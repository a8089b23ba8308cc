using System.Globalization;
using System.Net;
using System.Text;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Templates.ConnectedContent;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Export;

/// <summary>
/// Posts one signed body to an endpoint through the webhook channel's clients (the SSRF guard refuses private and
/// loopback addresses unless the workspace may reach them; the demo's catcher answers in its place):
/// <c>webhook-id</c> is the event's id, the same on every try, so a receiver drops a repeat. A 2xx is delivered;
/// 408, 429, a 5xx, a timeout or a dropped connection can pass and is tried again; any other 4xx and a refused address
/// will not. Reasons name the host and the status only: URLs and answers can carry customer data.
/// </summary>
public sealed class WebhookExportSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public async Task<ExportAttempt> SendAsync(long workspaceId, Uri url, string id, string body, WebhookSigner signer, CancellationToken ct)
    {
        var settings = options.Value;
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signer.Sign(id, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        var client = clients.CreateClient(settings.MayReachPrivateNetworks(workspaceId) ? WebhookChannel.PrivateClientName : WebhookChannel.ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new ExportAttempt(true, code, null, false);
            }

            var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || code >= 500;
            return new ExportAttempt(false, code, $"{url.Host} answered {code}.", transient, RetryAfterOf(response, timestamp));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ExportAttempt(false, null, $"{url.Host} did not answer within {settings.Timeout.TotalSeconds:0.#} s.", true);
        }
        catch (HttpRequestException e) when (e.InnerException is ConnectedContentException refused)
        {
            return new ExportAttempt(false, null, refused.Message, false);
        }
        catch (HttpRequestException e)
        {
            return new ExportAttempt(false, null, $"{url.Host} could not be reached ({e.HttpRequestError}).", true);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };
}
