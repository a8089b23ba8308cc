using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Messaging.Channels.Catchers;

/// <summary>
/// The demo's stand-in for a channel's provider: the end of the channel's HTTP client, recording each request in
/// <see cref="ChannelCatcher"/> and answering in the provider's shape (an SMS API's created message, FCM's message
/// name and OAuth token, a webhook receiver's 200).
/// </summary>
public sealed class CatcherHandler(MessageChannel channel, ChannelCatcher catcher, TimeProvider time) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var url = request.RequestUri?.ToString() ?? string.Empty;
        if (channel == MessageChannel.Push && url.EndsWith("/token", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = "catcher", ["token_type"] = "Bearer", ["expires_in"] = 3600 });
        }

        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Where(h => h.Key != "Authorization")
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var deliveryId = DeliveryIdOf(headers, body);
        var caught = catcher.Add(new CaughtRequest(0, time.GetUtcNow(), channel, request.Method.Method, url, headers, body, DeliveryIds.Parse(deliveryId)?.WorkspaceId, deliveryId));
        return channel switch
        {
            MessageChannel.Sms => Json(HttpStatusCode.Created, new JsonObject { ["sid"] = $"SM{Hash(deliveryId ?? caught.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))}", ["status"] = "queued" }),
            MessageChannel.Push => Json(HttpStatusCode.OK, new JsonObject { ["name"] = $"projects/catcher/messages/{caught.Sequence}" }),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(string.Empty) },
        };
    }

    private string? DeliveryIdOf(Dictionary<string, string> headers, string body)
    {
        if (headers.TryGetValue(channel == MessageChannel.Webhook ? "webhook-id" : "Idempotency-Key", out var id))
        {
            return id;
        }

        try
        {
            return JsonNode.Parse(body)?["message"]?["data"]?["kizuna_message_id"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
