namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Whose data a metric covers: the whole workspace, the customers with one trait value, or the members of a segment
/// (as <c>segment_members</c> holds them now). <see cref="Excluded"/> turns it into everyone else, for members
/// against non-members.
/// </summary>
public sealed record MetricsScope
{
    public static readonly MetricsScope Workspace = new();

    /// <summary>The trait compared (top-level key of the profile's traits), or null.</summary>
    public string? TraitName { get; init; }

    /// <summary>The value the trait must have, compared as text (numbers as written: <c>30</c>, <c>true</c>).</summary>
    public string? TraitValue { get; init; }

    /// <summary>The segment whose members are counted, or null.</summary>
    public long? SegmentId { get; init; }

    /// <summary>Everyone the scope leaves out instead of those it holds.</summary>
    public bool Excluded { get; init; }

    public bool IsWorkspace => TraitName is null && SegmentId is null;

    public static MetricsScope Trait(string name, string value) => new() { TraitName = name, TraitValue = value };

    public static MetricsScope Segment(long segmentId) => new() { SegmentId = segmentId };

    /// <summary>The customers this scope leaves out (the whole workspace has no complement worth reading).</summary>
    public MetricsScope Complement() => this with { Excluded = !Excluded };
}
