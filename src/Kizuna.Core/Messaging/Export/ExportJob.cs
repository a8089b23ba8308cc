using System.Globalization;
using System.Text.Json;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Export;

/// <summary>
/// One event for one endpoint: a job on the <see cref="Queue"/> queue, keyed by both (so the change feed handing a
/// change over twice queues it once) and grouped by the endpoint (deleting it cancels what waits). It names the event
/// rather than carrying it: the event is read when it is sent, so a customer erased meanwhile is exported no more.
/// <paramref name="Since"/> is when it was first queued, which the retry schedule counts from.
/// </summary>
public sealed record ExportJob(long EndpointId, Guid EventId, long ProfileId, long Ts, long Since)
{
    public const string Queue = "webhook-export";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string GroupOf(long endpointId) => $"webhook-endpoint:{endpointId.ToString(CultureInfo.InvariantCulture)}";

    public NewJob ToJob(long workspaceId) => new(
        Queue, JsonSerializer.Serialize(this, Json), Key: $"{EndpointId.ToString(CultureInfo.InvariantCulture)}:{EventId:N}", Group: GroupOf(EndpointId), WorkspaceId: workspaceId);

    public static ExportJob? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ExportJob>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
