using System.Globalization;
using Kizuna.Messaging;
using Kizuna.Segments.Definitions;

namespace Kizuna.Journeys.Model;

/// <summary>
/// Refuses a definition that cannot run, naming the field, the node and the reason: an unknown kind or edge, an
/// unreachable node, a cycle an entry could run round without a delay or wait, a wait without a timeout, a missing
/// template or segment, weights that do not add up, a filter or condition the segment language refuses.
/// </summary>
public static partial class JourneyValidator
{
    public const int MaxNodes = 200;

    public static IReadOnlyList<JourneyError> Validate(JourneyDefinition? definition, JourneyReferences references)
    {
        var errors = new List<JourneyError>();
        if (definition is null)
        {
            errors.Add(new("definition", null, "A journey needs a definition."));
            return errors;
        }

        ValidateEntry(definition, references, errors);
        ValidateRules(definition, references, errors);
        var nodes = definition.Nodes ?? [];
        if (nodes.Count == 0)
        {
            errors.Add(new("nodes", null, "A journey needs at least one node."));
            return errors;
        }

        if (nodes.Count > MaxNodes)
        {
            errors.Add(new("nodes", null, $"A journey may have at most {MaxNodes} nodes."));
            return errors;
        }

        var byId = new Dictionary<string, JourneyNode>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var field = $"nodes[{i}]";
            if (node is null || string.IsNullOrEmpty(node.Id) || node.Id.Length > 64 || !node.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                errors.Add(new($"{field}.id", null, "Every node needs an id of 1 to 64 letters, digits, '_' or '-'."));
                continue;
            }

            if (!byId.TryAdd(node.Id, node))
            {
                errors.Add(new($"{field}.id", node.Id, "Two nodes have this id."));
                continue;
            }

            ValidateNode(node, field, references, errors);
        }

        ValidateGraph(definition, nodes, byId, errors);
        return errors;
    }

    private static void ValidateEntry(JourneyDefinition definition, JourneyReferences references, List<JourneyError> errors)
    {
        var entry = definition.Entry;
        if (entry is null)
        {
            errors.Add(new("entry", null, "A journey needs an entry."));
            return;
        }

        switch (entry.Kind)
        {
            case JourneyEntryRule.OnEvent when string.IsNullOrWhiteSpace(entry.Event):
                errors.Add(new("entry.event", null, "An event entry needs the event's name."));
                break;
            case JourneyEntryRule.OnSegmentEntered or JourneyEntryRule.OnSegmentLeft when entry.SegmentId is not { } id || references.Segments(id) is null:
                errors.Add(new("entry.segmentId", null, $"Segment {entry.SegmentId?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not an active segment of this workspace."));
                break;
            case JourneyEntryRule.OnAudience:
                ValidateAudience(entry, references, errors);
                break;
            case JourneyEntryRule.OnEvent or JourneyEntryRule.OnSegmentEntered or JourneyEntryRule.OnSegmentLeft or JourneyEntryRule.OnApi:
                break;
            default:
                errors.Add(new("entry.kind", null, $"'{entry.Kind}' is not an entry; use event, segment_entered, segment_left, api or audience."));
                return;
        }

        Filter(entry.Where, "entry.where", null, errors);
    }

    private static void ValidateRules(JourneyDefinition d, JourneyReferences references, List<JourneyError> errors)
    {
        if (d.ReEntry is { } re)
        {
            if (re.Mode is not (ReEntryRule.Never or ReEntryRule.AfterExit or ReEntryRule.Always))
            {
                errors.Add(new("reEntry.mode", null, $"'{re.Mode}' is not a re-entry rule; use never, after_exit or always."));
            }

            if (re.MaxEntries is < 1)
            {
                errors.Add(new("reEntry.maxEntries", null, "At most N entries needs N of 1 or more."));
            }

            Duration(re.MinGap, "reEntry.minGap", null, errors, optional: true);
        }

        if (d.EntryLimit is { } limit)
        {
            if (limit.Count < 1)
            {
                errors.Add(new("entryLimit.count", null, "An entry limit needs a count of 1 or more."));
            }

            Duration(limit.Per, "entryLimit.per", null, errors, optional: false);
        }

        for (var i = 0; i < (d.Exits?.Count ?? 0); i++)
        {
            var exit = d.Exits![i];
            var field = $"exits[{i}]";
            if (exit is null || string.IsNullOrWhiteSpace(exit.Event) == string.IsNullOrWhiteSpace(exit.Condition))
            {
                errors.Add(new(field, null, "An exit criterion names an event or a segment condition, not both."));
                continue;
            }

            Filter(exit.Where, $"{field}.where", null, errors);
            Keys(exit.Match, $"{field}.match", null, errors);
            Condition(exit.Condition, $"{field}.condition", null, references, errors);
        }

        if (d.Goal is { } goal)
        {
            if (string.IsNullOrWhiteSpace(goal.Event))
            {
                errors.Add(new("goal.event", null, "A conversion goal needs the event's name."));
            }

            Duration(goal.Window, "goal.window", null, errors, optional: false);
            Filter(goal.Where, "goal.where", null, errors);
        }
    }

    private static void Filter(string? where, string field, string? node, List<JourneyError> errors)
    {
        foreach (var message in EventFilter.Read(where).Errors)
        {
            errors.Add(new(field, node, message));
        }
    }

    private static void Condition(string? text, string field, string? node, JourneyReferences references, List<JourneyError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var e in SegmentDefinition.FromText(text, references.Segments).Errors)
        {
            errors.Add(new(field, node, e.Line is { } line ? $"{line}:{e.Column}: {e.Message}" : e.Message));
        }
    }

    private static void Keys(IReadOnlyList<string>? keys, string field, string? node, List<JourneyError> errors)
    {
        if (keys?.Any(k => string.IsNullOrWhiteSpace(k) || k.StartsWith('.') || k.EndsWith('.')) == true)
        {
            errors.Add(new(field, node, "Each matched property is a name or a dotted path (cart_id, order.id)."));
        }
    }

    private static void Duration(string? text, string field, string? node, List<JourneyError> errors, bool optional)
    {
        if (text is null && optional)
        {
            return;
        }

        if (!JourneyDurations.TryParse(text, out _))
        {
            errors.Add(new(field, node, $"'{text}' is not a duration; write a whole number and m, h, d or w (30m, 1h, 7d), at most ten years."));
        }
    }

    private static bool IsChannel(string? channel) => MessageChannels.TryParse(channel, out _);
}
