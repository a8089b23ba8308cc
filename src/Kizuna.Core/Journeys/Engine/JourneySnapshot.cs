namespace Kizuna.Journeys.Engine;

/// <summary>The running journeys' versions at one moment, indexed for the change-feed consumer and the timers.</summary>
public sealed class JourneySnapshot
{
    private readonly Dictionary<(long JourneyId, int Version), CompiledJourney> _versions;
    private readonly ILookup<string, CompiledJourney> _triggers;
    private readonly ILookup<string, CompiledJourney> _watchers;

    public JourneySnapshot(IReadOnlyList<CompiledJourney> versions)
    {
        _versions = versions.ToDictionary(v => (v.JourneyId, v.Version));
        Heads = versions.GroupBy(v => v.JourneyId).ToDictionary(g => g.Key, g => g.First().Head);

        // Only the version new entries take is triggered, and only while the journey is live.
        _triggers = versions
            .Where(v => v.Head.State == JourneyStates.Live && v.Head.LiveVersion == v.Version && v.Definition.Entry.TriggerEvent is not null)
            .ToLookup(v => v.Definition.Entry.TriggerEvent!, StringComparer.Ordinal);
        ExitsOnConditions = versions.Any(v => v.Exits.Any(e => e.Condition is not null));
        _watchers = versions.SelectMany(v => v.WatchedEvents().Distinct(StringComparer.Ordinal).Select(e => (Event: e, Version: v)))
            .ToLookup(p => p.Event, p => p.Version, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<long, Journey> Heads { get; }

    /// <summary>Some version exits on a segment condition, so every event of a customer in it may end an entry.</summary>
    public bool ExitsOnConditions { get; }

    public bool IsEmpty => _versions.Count == 0;

    public CompiledJourney? Find(long journeyId, int version) => _versions.GetValueOrDefault((journeyId, version));

    /// <summary>The live versions an event of this name may enter customers into.</summary>
    public IEnumerable<CompiledJourney> Triggered(string eventName) => _triggers[eventName];

    /// <summary>The versions whose exits, waits or goal read events of this name.</summary>
    public IEnumerable<CompiledJourney> Watching(string eventName) => _watchers[eventName];

    public bool Reacts(string eventName) => _triggers.Contains(eventName) || _watchers.Contains(eventName);
}
