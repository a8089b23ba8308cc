using System.Globalization;
using System.Text.Json;
using Kizuna.Work.Jobs;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// One page of one occurrence of an audience entry on the <c>journey-audience</c> queue: the members after profile
/// <paramref name="After"/> of the occurrence at <paramref name="Occurrence"/> (Unix ms). <paramref name="Waits"/>
/// counts the times the page waited for room under the entry limit. The key names all three, so queueing a page twice
/// is a no-op, and the entries it makes are keyed by occurrence and customer, so running it twice enters nobody twice.
/// </summary>
public sealed record JourneyAudienceJob(long WorkspaceId, long JourneyId, long Occurrence, long After = 0, int Waits = 0)
{
    public const string Queue = "journey-audience";

    public static JourneyAudienceJob? Read(ClaimedJob job)
    {
        try
        {
            return JsonSerializer.Deserialize<JourneyAudienceJob>(job.Payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The entry key of a customer entered at this occurrence: the same on every node and every retry.</summary>
    public string EntryKey(long profileId) => string.Create(CultureInfo.InvariantCulture, $"audience:{Occurrence}:{profileId}");

    public NewJob ToJob(DateTimeOffset dueAt) => new(
        Queue,
        JsonSerializer.Serialize(this),
        Key: string.Create(CultureInfo.InvariantCulture, $"journey:{JourneyId}:occurrence:{Occurrence}:after:{After}:w{Waits}"),
        Group: Group(JourneyId),
        WorkspaceId: WorkspaceId,
        DueAt: dueAt);

    /// <summary>The job group of a journey's occurrences, so archiving drops those waiting.</summary>
    public static string Group(long journeyId) => string.Create(CultureInfo.InvariantCulture, $"journey:{journeyId}:audience");
}
