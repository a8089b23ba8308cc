using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Lets a customer into a journey version when its re-entry rule and entry rate limit allow: the customer's earlier
/// entries (loaded into the pass, with those made in it) and the journey's recent entries decide.
/// </summary>
public sealed class JourneyEntrance(EntryStore entries)
{
    private readonly Dictionary<long, long> _recent = [];

    /// <summary>The new entry, or null when the rules keep the customer out (or the key was already used in this pass).</summary>
    public async Task<EntryRun?> EnterAsync(JourneyPass pass, CompiledJourney journey, long profileId, string key, string? eventName, string? data, CancellationToken ct)
    {
        var earlier = pass.OfProfile(journey.WorkspaceId, profileId).Where(r => r.Journey.JourneyId == journey.JourneyId).ToList();
        if (earlier.Any(r => r.Entry.EntryKey == key) || !MayEnterAgain(journey.Definition.ReEntry, earlier, pass.Now))
        {
            return null;
        }

        if (journey.Definition.EntryLimit is { } limit)
        {
            if (!_recent.TryGetValue(journey.JourneyId, out var count))
            {
                count = await entries.EnteredSinceAsync(journey.WorkspaceId, journey.JourneyId, pass.Now - JourneyDurations.Parse(limit.Per), ct);
            }

            if (count >= limit.Count)
            {
                _recent[journey.JourneyId] = count;
                return null;
            }

            _recent[journey.JourneyId] = count + 1;
        }

        var now = pass.Now;
        return pass.Create(journey, new JourneyEntry(
            0, journey.WorkspaceId, profileId, journey.JourneyId, journey.Version, key, JourneyEntry.Active, journey.Definition.StartNode!, 0, null,
            eventName, data, null, now, now, null, null, null));
    }

    private static bool MayEnterAgain(ReEntryRule? rule, List<EntryRun> earlier, DateTimeOffset now)
    {
        if (earlier.Count == 0)
        {
            return true;
        }

        var mode = rule?.Mode ?? ReEntryRule.AfterExit;
        if (mode == ReEntryRule.Never || (mode == ReEntryRule.AfterExit && earlier.Any(r => r.Entry.IsOpen)))
        {
            return false;
        }

        if (rule?.MaxEntries is { } max && earlier.Count >= max)
        {
            return false;
        }

        return rule?.MinGap is not { } gap || earlier.Max(r => r.Entry.EnteredAt) + JourneyDurations.Parse(gap) <= now;
    }
}
