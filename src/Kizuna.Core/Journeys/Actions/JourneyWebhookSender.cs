using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Templates.ConnectedContent;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Actions;

/// <summary>
/// Sends a webhook node's request as the webhook channel sends its messages: through the same HTTP clients (the SSRF
/// guard refuses loopback, private and link-local addresses unless the workspace may reach them; nothing is logged),
/// signed by the Standard Webhooks scheme with the same secret, and a <c>webhook-id</c> the caller derives from the
/// entry and its step, so every try of a step carries the same one and a receiver can drop the repeat. A 2xx is an
/// answer; 408, 429, a 5xx, a timeout or a dropped connection is transient; any other status or a refused address is not.
/// </summary>
public sealed class JourneyWebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>The most of an answer read; the entry keeps a JSON answer of up to <see cref="MaxKept"/> characters.</summary>
    public const int MaxRead = 256 * 1024;

    public const int MaxKept = 16 * 1024;

    /// <summary>The <c>webhook-id</c> of a webhook node's step: the same for every try of it, unlike any outbox message's.</summary>
    public static string DeliveryId(long workspaceId, long entryId, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"kz-{workspaceId}-j{entryId}-{seq}");

    public async Task<WebhookAnswer> SendAsync(long workspaceId, string deliveryId, WebhookRequest call, TimeSpan timeout, CancellationToken ct)
    {
        var settings = options.Value;
        var signer = WebhookSigner.FromSecret(settings.Secret ?? (settings.UseCatcher ? WebhookChannel.DemoSecret : null), out var problem);
        if (signer is null)
        {
            return new(false, true, null, null, $"Messaging:Webhook:Secret is not usable: {problem}");
        }

        var url = call.Url!;
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), url);
        if (call.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in call.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Add("webhook-id", deliveryId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signer.Sign(deliveryId, timestamp, call.Body ?? string.Empty));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var client = clients.CreateClient(settings.MayReachPrivateNetworks(workspaceId) ? WebhookChannel.PrivateClientName : WebhookChannel.ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var code = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || code >= 500;
                return new(false, transient, code, null, $"{url.Host} answered {code}.");
            }

            return new(true, false, code, await ReadAsync(response, limit.Token), $"{url.Host} answered {code}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, true, null, null, $"{url.Host} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e) when (e.InnerException is ConnectedContentException refused)
        {
            return new(false, false, null, null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new(false, true, null, null, $"{url.Host} could not be reached ({e.HttpRequestError}).");
        }
    }

    /// <summary>The answer's JSON, or null when it is empty, no JSON, or too long to keep on the entry.</summary>
    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxRead + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        if (read is 0 or > MaxRead)
        {
            return null;
        }

        try
        {
            var answer = JsonNode.Parse(buffer.AsSpan(0, read));
            return answer is not null && answer.ToJsonString().Length <= MaxKept ? answer : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
