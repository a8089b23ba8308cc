using System.Globalization;
using System.Text.Json;
using Kizuna.Work.Jobs;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// A due time of one entry (a delay's end or a wait's timeout) as a job on the <c>journeys</c> queue: keyed by the
/// entry, the seq it was set at and the journey's resume count, so setting it again is a no-op and a timer outlived
/// by its entry's next step (an event matched the wait) finds the seq moved on and does nothing.
/// </summary>
public sealed record JourneyTimer(long Entry, int Seq)
{
    public const string Queue = "journeys";

    public static JourneyTimer? Read(ClaimedJob job)
    {
        try
        {
            return JsonSerializer.Deserialize<JourneyTimer>(job.Payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The queue of the work an action node (<see cref="Model.JourneyNodeKinds.Acts"/>) leaves to a job.</summary>
    public const string ActionQueue = "journey-actions";

    public NewJob ToJob(long workspaceId, long journeyId, int version, int resumes, DateTimeOffset dueAt, string queue = Queue) => new(
        queue,
        JsonSerializer.Serialize(this),
        Key: string.Create(CultureInfo.InvariantCulture, $"entry:{Entry}:seq:{Seq}:r{resumes}"),
        Group: CompiledJourney.GroupOf(journeyId, version),
        WorkspaceId: workspaceId,
        DueAt: dueAt);
}
