namespace Kizuna.Journeys.Model;

/// <summary>
/// One version of a journey as stored (JSON): how customers enter, whether they may enter again, what takes them out,
/// the goal that counts as a conversion, and the graph of <see cref="Nodes"/> starting at <see cref="Start"/> (the
/// first node when null). Edges are node ids named by each node (<c>next</c>, <c>onTimeout</c>, <c>else</c>, a split's
/// paths); a missing edge ends the entry as completed.
/// </summary>
public sealed record JourneyDefinition(
    JourneyEntryRule Entry,
    IReadOnlyList<JourneyNode> Nodes,
    string? Start = null,
    ReEntryRule? ReEntry = null,
    EntryRateLimit? EntryLimit = null,
    IReadOnlyList<ExitCriterion>? Exits = null,
    ConversionGoal? Goal = null)
{
    /// <summary>The id of the node an entry starts at.</summary>
    public string? StartNode => Start ?? (Nodes.Count > 0 ? Nodes[0].Id : null);
}
