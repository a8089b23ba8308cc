using Kizuna.Journeys.Model;
using Kizuna.Segments.Definitions;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// One version of a journey ready to run: nodes by id, and every filter and condition read once (the definition
/// passed validation when it was saved). Shared by every entry on this version; immutable.
/// </summary>
public sealed class CompiledJourney
{
    private readonly Dictionary<string, EventFilter> _filters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Condition> _conditions = new(StringComparer.Ordinal);

    public CompiledJourney(Journey head, JourneyVersion version)
    {
        Head = head;
        Version = version.Version;
        Definition = version.Definition;
        Nodes = Definition.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        EntryFilter = Filter(Definition.Entry.Where);
        GoalFilter = Definition.Goal is { } goal ? Filter(goal.Where) : null;
        GoalWindow = Definition.Goal is { } g ? JourneyDurations.Parse(g.Window) : TimeSpan.Zero;
        Exits = Definition.Exits ?? [];
        foreach (var exit in Exits)
        {
            Filter(exit.Where);
            Condition(exit.Condition);
        }

        foreach (var node in Definition.Nodes)
        {
            Filter(node.Where);
            Filter(node.EntryWhere);
            Condition(node.Condition);
        }

        Conditions = [.. _conditions.Values];
    }

    public Journey Head { get; }

    public long JourneyId => Head.Id;

    public long WorkspaceId => Head.WorkspaceId;

    public int Version { get; }

    public JourneyDefinition Definition { get; }

    public IReadOnlyDictionary<string, JourneyNode> Nodes { get; }

    public EventFilter EntryFilter { get; }

    public EventFilter? GoalFilter { get; }

    public TimeSpan GoalWindow { get; }

    public IReadOnlyList<ExitCriterion> Exits { get; }

    /// <summary>Every segment-language condition of the version (branches, exits), so the profiles' state is loaded once for all.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>The job group of this version's timers, so archiving drops them at once.</summary>
    public string Group => GroupOf(JourneyId, Version);

    public static string GroupOf(long journeyId, int version) => FormattableString.Invariant($"journey:{journeyId}:v:{version}");

    /// <summary>The event names this version reacts to besides its trigger: exits, waits, the goal.</summary>
    public IEnumerable<string> WatchedEvents()
    {
        foreach (var exit in Exits.Where(e => e.Event is not null))
        {
            yield return exit.Event!;
        }

        foreach (var node in Definition.Nodes)
        {
            if (node.Kind == JourneyNodeKinds.WaitEvent && node.Event is not null)
            {
                yield return node.Event;
            }
            else if (node.Kind == JourneyNodeKinds.WaitSegment)
            {
                yield return "Segment Entered";
            }
        }

        if (Definition.Goal is { } goal)
        {
            yield return goal.Event;
        }
    }

    public EventFilter Filter(string? where) =>
        where is null ? EventFilter.Of(null) : _filters.TryGetValue(where, out var f) ? f : _filters[where] = EventFilter.Of(where);

    public Condition? Condition(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!_conditions.TryGetValue(text, out var condition))
        {
            // Read without the other segments: a reference's target was checked on save, and the predicate reads memberships.
            condition = _conditions[text] = SegmentDefinition.ParseText(text).Condition ?? throw new InvalidDataException($"'{text}' is not a condition.");
        }

        return condition;
    }
}
