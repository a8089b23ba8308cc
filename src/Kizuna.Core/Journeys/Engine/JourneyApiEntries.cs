using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Channels.Sms;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Enters a customer into a live journey whose entry is <c>api</c>, with the caller's data as the entry data, and
/// runs the first steps before answering. The caller's key makes a repeated call answer the first entry.
/// </summary>
public sealed class JourneyApiEntries(
    JourneyCatalog catalog, EntryStore entries, JourneyEngine engine, JourneyWriter writer, IOptions<SmsOptions> sms, TimeProvider time)
{
    public async Task<JourneyEntryResult> EnterAsync(long workspaceId, long journeyId, long profileId, string? data, string key, CancellationToken ct)
    {
        var snapshot = await catalog.CurrentAsync(ct);
        if (!snapshot.Heads.TryGetValue(journeyId, out var head) || head.WorkspaceId != workspaceId || head.State != JourneyStates.Live
            || snapshot.Find(journeyId, head.LiveVersion ?? 0) is not { } journey)
        {
            return new(null, false, "The journey is not live.");
        }

        if (journey.Definition.Entry.Kind != JourneyEntryRule.OnApi)
        {
            return new(null, false, $"The journey is entered by {journey.Definition.Entry.Kind}, not by API calls.");
        }

        var entryKey = $"api:{key}";
        if (await entries.FindByKeyAsync(workspaceId, journeyId, entryKey, ct) is { } earlier)
        {
            return new(earlier, false, null);
        }

        var now = time.GetUtcNow();
        var pass = new JourneyPass(snapshot, now);
        foreach (var entry in await entries.OfProfilesAsync(workspaceId, [profileId], [journeyId], ct))
        {
            pass.Load(entry);
        }

        if (await new JourneyEntrance(entries).EnterAsync(pass, journey, profileId, entryKey, null, data, ct) is not { } run)
        {
            return new(null, false, "The journey's re-entry rule or entry limit keeps this customer out now.");
        }

        var steps = new JourneySteps(await engine.PrepareAsync([journey], [(workspaceId, profileId)], ct), now, sms.Value.DefaultRegion);
        steps.Run(run, journey.Definition.StartNode);
        await writer.CommitAsync(pass, ct);
        return new(await entries.FindByKeyAsync(workspaceId, journeyId, entryKey, ct), true, null);
    }
}
