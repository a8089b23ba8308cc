using System.Net;
using System.Text;
using Kizuna.Templates.ConnectedContent;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.Webhook;

/// <summary>
/// Outgoing webhooks, signed by the Standard Webhooks scheme: <c>webhook-id</c> is the message's deterministic id (so a
/// receiver drops the copy a resend after a crash makes), <c>webhook-timestamp</c> the time of this try, and
/// <c>webhook-signature</c> the HMAC of both and the body. Connections go through connected content's SSRF guard:
/// loopback, private and link-local addresses are refused unless the workspace may reach them. A 2xx is sent; 408,
/// 429, a 5xx, a timeout or a dropped connection is transient (retried by the outbox with backoff); any other 4xx
/// and a refused address are permanent.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time) : IChannelAdapter
{
    public const string ClientName = "Kizuna.Webhook";
    public const string PrivateClientName = "Kizuna.Webhook.Private";

    /// <summary>The demo's secret when none is set: the catcher's requests are signed like any others.</summary>
    public const string DemoSecret = "whsec_a2l6dW5hLWRlbW8tY2F0Y2hlci1zaWduaW5nLWtleQ==";

    public MessageChannel Channel => MessageChannel.Webhook;

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
    {
        var settings = options.Value;
        var signer = WebhookSigner.FromSecret(settings.Secret ?? (settings.UseCatcher ? DemoSecret : null), out var problem);
        if (signer is null)
        {
            foreach (var ready in batch)
            {
                results.Transient(ready, $"Messaging:Webhook:Secret is not usable: {problem}");
            }

            return Task.CompletedTask;
        }

        return Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct }, (ready, token) => SendOneAsync(ready, signer, results, token));
    }

    private async ValueTask SendOneAsync(ReadyMessage ready, WebhookSigner signer, SendResults results, CancellationToken ct)
    {
        var settings = options.Value;
        var webhook = (RenderedWebhook)ready.Content;
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(new HttpMethod(webhook.Method), webhook.Url);
        if (webhook.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in webhook.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Add("webhook-id", ready.DeliveryId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signer.Sign(ready.DeliveryId, timestamp, webhook.Body ?? string.Empty));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        var client = clients.CreateClient(settings.MayReachPrivateNetworks(ready.Message.WorkspaceId) ? PrivateClientName : ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                results.Sent(ready);
            }
            else if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || code >= 500)
            {
                results.Transient(ready, $"{webhook.Url.Host} answered {code}.");
            }
            else
            {
                results.Permanent(ready, $"{webhook.Url.Host} answered {code}.");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            results.Transient(ready, $"{webhook.Url.Host} did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e) when (e.InnerException is ConnectedContentException refused)
        {
            results.Permanent(ready, refused.Message);
        }
        catch (HttpRequestException e)
        {
            results.Transient(ready, $"{webhook.Url.Host} could not be reached ({e.HttpRequestError}).");
        }
    }
}
