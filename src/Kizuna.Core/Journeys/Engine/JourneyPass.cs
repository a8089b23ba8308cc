namespace Kizuna.Journeys.Engine;

/// <summary>
/// The entries one batch (a change-feed batch or a batch of due timers) touches, moved in memory and then written
/// by <see cref="JourneyWriter"/> in one transaction.
/// </summary>
public sealed class JourneyPass(JourneySnapshot snapshot, DateTimeOffset now)
{
    private readonly Dictionary<long, EntryRun> _loaded = [];
    private readonly List<EntryRun> _created = [];
    private readonly Dictionary<(long WorkspaceId, long ProfileId), List<EntryRun>> _byProfile = [];

    public JourneySnapshot Snapshot { get; } = snapshot;

    public DateTimeOffset Now { get; } = now;

    public IEnumerable<EntryRun> Runs => _loaded.Values.Concat(_created);

    /// <summary>Adds a stored entry (once; its version must be in the snapshot). Null when its version is not running.</summary>
    public EntryRun? Load(JourneyEntry entry)
    {
        if (_loaded.TryGetValue(entry.Id, out var run))
        {
            return run;
        }

        if (Snapshot.Find(entry.JourneyId, entry.Version) is not { } journey)
        {
            return null;
        }

        return Index(_loaded[entry.Id] = new EntryRun(journey, entry, entry.Seq));
    }

    public EntryRun Create(CompiledJourney journey, JourneyEntry entry)
    {
        var run = new EntryRun(journey, entry, null);
        _created.Add(run);
        return Index(run);
    }

    /// <summary>
    /// The profile's entries in this pass (stored and created), for re-entry rules and matching: looked up, not
    /// scanned, as a batch of thousands of events each asks for its own customer's.
    /// </summary>
    public IReadOnlyList<EntryRun> OfProfile(long workspaceId, long profileId) =>
        _byProfile.TryGetValue((workspaceId, profileId), out var runs) ? runs : [];

    private EntryRun Index(EntryRun run)
    {
        var key = (run.Entry.WorkspaceId, run.Entry.ProfileId);
        if (!_byProfile.TryGetValue(key, out var runs))
        {
            _byProfile[key] = runs = [];
        }

        runs.Add(run);
        return run;
    }
}
