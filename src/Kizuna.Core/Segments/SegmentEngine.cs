using System.Collections.Concurrent;
using Kizuna.Commerce;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;

namespace Kizuna.Segments;

/// <summary>
/// The segment language as the membership machinery uses it: stored definitions read once per version, checks of new
/// ones, members by the SQL compiler, some profiles by the in-memory predicate, the order in which segments that read
/// other segments are evaluated, and which segments a change can affect.
/// </summary>
public sealed class SegmentEngine(SegmentEvaluator evaluator)
{
    private readonly ConcurrentDictionary<(long Id, int Version), CompiledSegment> _compiled = new();

    /// <summary>The stored definition of <paramref name="segment"/>, read once per version.</summary>
    public CompiledSegment Compiled(Segment segment)
    {
        if (_compiled.TryGetValue((segment.Id, segment.Version), out var compiled))
        {
            return compiled;
        }

        // Stored definitions were checked when saved; the reader refusing one now would be a defect, not bad input.
        var tree = SegmentDefinition.FromJson(segment.Definition).Condition
            ?? throw new InvalidOperationException($"The stored definition of segment {segment.Id} version {segment.Version} does not read.");
        return _compiled[(segment.Id, segment.Version)] = CompiledSegment.Of(tree);
    }

    /// <summary>The text form of a stored definition (the JSON as it is when it does not read).</summary>
    public string TextOf(string json) =>
        SegmentDefinition.FromJson(json) is { Condition: { } tree } ? SegmentDefinition.ToText(tree) : json;

    /// <summary>Reads and checks a definition given as the JSON tree or in the text form, with the workspace's other segments for references.</summary>
    public static SegmentCheck Check(string? json, string? text, IReadOnlyDictionary<long, Condition> segments, long? selfId)
    {
        Condition? Lookup(long id) => segments.GetValueOrDefault(id);
        var result = json is not null ? SegmentDefinition.FromJson(json, Lookup, selfId) : SegmentDefinition.FromText(text ?? "", Lookup, selfId);
        return result.IsValid
            ? new SegmentCheck(result.Condition, SegmentDefinition.ToJson(result.Condition!), SegmentDefinition.ToText(result.Condition!), [])
            : new SegmentCheck(null, null, null, result.Errors);
    }

    public IReadOnlyCollection<long> ReadsSegments(Segment segment) => Compiled(segment).Reads.Segments;

    /// <summary>Membership changes with time alone, or reads values other features compute: the sweep computes it again.</summary>
    public bool IsTimeSensitive(Segment segment) => Compiled(segment).Reads is { } reads && (reads.TimeSensitive || reads.Values.Count > 0);

    /// <summary>Whether what happened to a profile can change its membership of <paramref name="segment"/>.</summary>
    public bool IsHit(Segment segment, ProfileTouch touch)
    {
        var compiled = Compiled(segment);
        var reads = compiled.Reads;
        return touch.Everything
            || compiled.HoldsForBlank   // a new profile may enter without doing anything the definition reads
            || reads.Context            // any call may carry a new time zone or locale
            || (touch.Traits && reads.Traits.Count > 0)
            || reads.Events.Overlaps(touch.Events)
            || ((reads.Commerce || reads.Orders) && touch.Events.Any(e => CommerceEvents.Kind(e) is not null))
            || reads.Segments.Overlaps(touch.Segments);
    }

    /// <summary>
    /// The segments in rounds: each round reads only segments of earlier rounds, so evaluating round by round (writing
    /// each round's entries and exits before the next) gives "in segment" conditions the memberships just decided.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Segment>> InRounds(IEnumerable<Segment> segments)
    {
        var pending = segments.ToDictionary(s => s.Id);
        var rounds = new List<IReadOnlyList<Segment>>();
        while (pending.Count > 0)
        {
            var round = pending.Values.Where(s => !ReadsSegments(s).Any(pending.ContainsKey)).OrderBy(s => s.Id).ToList();
            if (round.Count == 0)
            {
                round = [.. pending.Values.OrderBy(s => s.Id)];   // a cycle cannot be saved; never loop on one regardless
            }

            rounds.Add(round);
            round.ForEach(s => pending.Remove(s.Id));
        }

        return rounds;
    }

    /// <summary>The workspace's members of a stored segment now, by the SQL compiler.</summary>
    public async Task<HashSet<long>> MembersAsync(Segment segment, CancellationToken ct) =>
        await MembersAsync(segment.WorkspaceId, Compiled(segment).Tree, ct);

    /// <summary>The workspace's members of a definition now, by the SQL compiler.</summary>
    public async Task<HashSet<long>> MembersAsync(long workspaceId, Condition tree, CancellationToken ct) =>
        [.. await evaluator.MembersAsync(workspaceId, tree, ct)];

    /// <summary>Which of <paramref name="profileIds"/> each segment holds for now, by the in-memory predicate over state loaded once.</summary>
    public Task<IReadOnlyList<IReadOnlySet<long>>> MatchAsync(
        long workspaceId, IReadOnlyList<Segment> segments, IReadOnlyCollection<long> profileIds, CancellationToken ct) =>
        evaluator.MatchAsync(workspaceId, [.. segments.Select(s => Compiled(s).Tree)], profileIds, ct);
}
