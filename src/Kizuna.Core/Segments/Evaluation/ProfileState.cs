using System.Text.Json.Nodes;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// What the in-memory predicate knows of one profile. <see cref="ProfileStateReader"/> fills only the parts the
/// definitions at hand read (see <see cref="SegmentDependencies"/>); a part not loaded reads as empty.
/// </summary>
public sealed class ProfileState
{
    public required long Id { get; init; }

    public JsonObject Traits { get; init; } = [];

    /// <summary>The profile's stored context: <c>timezone</c>, <c>locale</c>, device, campaign.</summary>
    public JsonObject Context { get; init; } = [];

    public long OrderCount { get; init; }

    /// <summary>Spend in the profile's main currency.</summary>
    public decimal TotalSpent { get; init; }

    public long? FirstOrderAt { get; init; }

    public long? LastOrderAt { get; init; }

    /// <summary>Lifetime totals by event name (<c>$page</c>, <c>$screen</c>… for the other calls).</summary>
    public Dictionary<string, EventTotal> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts by event name and UTC day number.</summary>
    public Dictionary<string, Dictionary<int, long>> Daily { get; } = new(StringComparer.Ordinal);

    /// <summary>Stored track events by name, for property filters.</summary>
    public Dictionary<string, List<TrackedEvent>> Tracked { get; } = new(StringComparer.Ordinal);

    public List<OrderFacts> Orders { get; } = [];

    public Dictionary<string, ComputedValue> Values { get; } = new(StringComparer.Ordinal);

    public HashSet<long> Segments { get; } = [];
}
