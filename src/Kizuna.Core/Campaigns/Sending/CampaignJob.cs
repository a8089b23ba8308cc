using System.Text.Json;
using Kizuna.Work.Jobs;

namespace Kizuna.Campaigns.Sending;

/// <summary>
/// One step of a campaign run on the <c>campaigns</c> queue: <c>start</c> a run, <c>snapshot</c> the next chunk of
/// the audience after profile <paramref name="After"/>, <c>dispatch</c> the next chunk of due recipients into the
/// outbox, or pick the A/B test's <c>winner</c>. Each step's key makes enqueuing it twice a no-op, and each step is
/// idempotent, so a node dying mid-step only repeats it. <paramref name="Since"/> is where a dispatch chain waiting
/// for the outbox to send the run's messages looks from (a message id); <paramref name="Last"/> is the highest message
/// id the chain has queued, so it can tell how far it runs ahead of the outbox.
/// </summary>
public sealed record CampaignJob(string Step, long WorkspaceId, long CampaignId, int Run, long After = 0, long Since = 0, long Last = 0)
{
    public const string Queue = "campaigns";
    public const string Start = "start";
    public const string Snapshot = "snapshot";
    public const string Dispatch = "dispatch";
    public const string Winner = "winner";

    public static CampaignJob? Read(ClaimedJob job)
    {
        try
        {
            return JsonSerializer.Deserialize<CampaignJob>(job.Payload, CampaignJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The job, due at <paramref name="dueAt"/> (now when null), keyed by its step and position.</summary>
    public NewJob ToJob(DateTimeOffset? dueAt = null) => new(
        Queue,
        JsonSerializer.Serialize(this, CampaignJson.Options),
        Key: $"campaign:{CampaignId}:run:{Run}:{Step}:{After}",
        Group: Group(CampaignId),
        WorkspaceId: WorkspaceId,
        DueAt: dueAt);

    /// <summary>The job group of every step of a campaign, so a cancel drops the steps waiting.</summary>
    public static string Group(long campaignId) => $"campaign:{campaignId}";
}
