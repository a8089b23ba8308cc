using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>
/// Push in FCM's HTTP v1 shape: one <c>POST {Endpoint}/v1/projects/{project}/messages:send</c> per device in use of the
/// profile, with an OAuth2 bearer token (<see cref="AccessTokens"/>). The message's deterministic id travels as
/// <c>data.kizuna_message_id</c> (FCM has no idempotency key), so an app can drop the copy a resend after a crash
/// makes. A device the provider calls unregistered (404, <c>UNREGISTERED</c>, <c>SENDER_ID_MISMATCH</c>) is retired
/// at once. The message is sent when one device took it; transient (401, 429, 5xx, a timeout) when none did and one
/// may later; permanent otherwise.
/// </summary>
public sealed class PushChannel(IHttpClientFactory clients, AccessTokens tokens, DeviceStore devices, IOptions<PushOptions> options) : IChannelAdapter
{
    public const string ClientName = "Kizuna.Push";

    public MessageChannel Channel => MessageChannel.Push;

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct) =>
        Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct }, (ready, token) => SendOneAsync(ready, results, token));

    private async ValueTask SendOneAsync(ReadyMessage ready, SendResults results, CancellationToken ct)
    {
        var settings = options.Value;
        var project = settings.ProjectId ?? (settings.UseCatcher ? "demo" : ServiceAccount.From(settings, out _)?.ProjectId);
        if (project is null)
        {
            results.Transient(ready, "Push is not configured: set Messaging:Push:ServiceAccountPath (or ProjectId and ServiceAccountJson).");
            return;
        }

        var deviceTokens = await devices.ActiveTokensAsync(ready.Message.WorkspaceId, ready.Message.ProfileId, ct);
        if (deviceTokens.Count == 0)
        {
            results.Permanent(ready, "The profile has no push device in use.");
            return;
        }

        string bearer;
        try
        {
            bearer = settings.UseCatcher ? "catcher" : await tokens.GetAsync(ct);
        }
        catch (Exception e) when (e is PushAuthException or HttpRequestException)
        {
            results.Transient(ready, $"No access token for push: {e.Message}");
            return;
        }

        var outcomes = new List<(bool Sent, bool Transient, string? Detail)>();
        foreach (var token in deviceTokens)
        {
            outcomes.Add(await SendToDeviceAsync(ready, project, token, bearer, ct));
        }

        if (outcomes.Any(o => o.Sent))
        {
            results.Sent(ready);
        }
        else if (outcomes.FirstOrDefault(o => o.Transient) is { Transient: true } transient)
        {
            results.Transient(ready, transient.Detail!);
        }
        else
        {
            results.Permanent(ready, outcomes[0].Detail!);
        }
    }

    private async Task<(bool Sent, bool Transient, string? Detail)> SendToDeviceAsync(ReadyMessage ready, string project, string token, string bearer, CancellationToken ct)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.Endpoint.TrimEnd('/')}/v1/projects/{Uri.EscapeDataString(project)}/messages:send")
        {
            Content = JsonContent.Create(Body(ready, token)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (true, false, null);
            }

            var status = await ErrorStatusAsync(response, timeout.Token);
            var detail = $"{(int)response.StatusCode} {status}";
            if (response.StatusCode == HttpStatusCode.NotFound || status is "UNREGISTERED" or "SENDER_ID_MISMATCH")
            {
                await devices.RetireAsync(ready.Message.WorkspaceId, token, status ?? "NOT_FOUND", ct);
                return (false, false, $"The device token was unregistered ({detail}); it is retired.");
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Invalidate();
            }

            var transient = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            return (false, transient, detail);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, true, $"The push provider did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return (false, true, $"The push provider could not be reached ({e.HttpRequestError}).");
        }
    }

    /// <summary>FCM v1's message: the notification, the data (strings only), and the id to drop repeats by.</summary>
    private static JsonObject Body(ReadyMessage ready, string token)
    {
        var push = (RenderedPush)ready.Content;
        var notification = new JsonObject { ["title"] = push.Title, ["body"] = push.Body };
        if (push.ImageUrl is { } image)
        {
            notification["image"] = image;
        }

        var data = new JsonObject();
        foreach (var (key, value) in push.Data)
        {
            data[key] = value;
        }

        if (push.DeepLink is { } link)
        {
            data["deep_link"] = link;
        }

        data["kizuna_message_id"] = ready.DeliveryId;
        return new JsonObject { ["message"] = new JsonObject { ["token"] = token, ["notification"] = notification, ["data"] = data } };
    }

    /// <summary>The error's status (<c>UNREGISTERED</c> in <c>details[].errorCode</c>, else <c>error.status</c>).</summary>
    private static async Task<string?> ErrorStatusAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var error = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))?["error"];
            var code = error?["details"]?.AsArray().Select(d => d?["errorCode"]?.GetValue<string>()).FirstOrDefault(c => c is not null);
            return code ?? error?["status"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
