using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Messaging.Export;

/// <summary>
/// The JSON an endpoint receives, in the Standard Webhooks payload shape: <c>type</c> (the event's name),
/// <c>timestamp</c> (when it happened) and <c>data</c> (the event's id, the profile's ids, the properties).
/// </summary>
public static class ExportBody
{
    public const string TestType = "Webhook Endpoint Test";

    public static string Of(ExportEvent e)
    {
        JsonNode? properties = null;
        if (e.PropertiesJson is { } json)
        {
            try
            {
                properties = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                properties = null;   // stored by ingestion, which parsed it: never expected
            }
        }

        return new JsonObject
        {
            ["type"] = e.Name,
            ["timestamp"] = Iso(e.Timestamp),
            ["data"] = new JsonObject
            {
                ["event_id"] = e.EventId.ToString(),
                ["event"] = e.Name,
                ["profile_id"] = e.ProfileId,
                ["user_id"] = e.UserId,
                ["message_id"] = e.MessageId,
                ["received_at"] = Iso(e.ReceivedAt),
                ["properties"] = properties ?? new JsonObject(),
            },
        }.ToJsonString();
    }

    /// <summary>What the endpoint test sends: no customer, the endpoint's id.</summary>
    public static string Test(long endpointId, DateTimeOffset at) => new JsonObject
    {
        ["type"] = TestType,
        ["timestamp"] = Iso(at),
        ["data"] = new JsonObject { ["endpoint_id"] = endpointId },
    }.ToJsonString();

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
