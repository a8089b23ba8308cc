using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;

namespace Kizuna.Journeys.Model;

/// <summary>
/// A test of one event's properties written as the segment language's property filters (<c>property.total > 50,
/// property.cart_id exists</c>): read by the language's own parser as <c>performed("Event", …)</c> and evaluated by its
/// predicate over a state holding that one event, so filters mean exactly what they mean in segments.
/// </summary>
public sealed class EventFilter
{
    private static readonly EventFilter Everything = new(null);
    private readonly PerformedCondition? _condition;

    private EventFilter(PerformedCondition? condition) => _condition = condition;

    /// <summary>The filter, or the segment language's errors (their messages, with the line's column).</summary>
    public static (EventFilter? Filter, IReadOnlyList<string> Errors) Read(string? where)
    {
        if (string.IsNullOrWhiteSpace(where))
        {
            return (Everything, []);
        }

        var parsed = SegmentDefinition.FromText($"performed(\"event\", {where})");
        if (!parsed.IsValid)
        {
            return (null, [.. parsed.Errors.Select(e => e.Column is { } c ? $"{e.Message} (column {Math.Max(1, c - 19)})" : e.Message)]);
        }

        return parsed.Condition is PerformedCondition { Window: null } performed && performed.Count.Equals(PerformedCondition.AtLeastOnce)
            ? (new EventFilter(performed), [])
            : (null, ["Only property filters (property.name op value, …) may be written here."]);
    }

    /// <summary>A filter of a definition that passed validation.</summary>
    public static EventFilter Of(string? where) => Read(where).Filter ?? throw new InvalidDataException($"'{where}' is not a property filter.");

    public bool Matches(JsonObject? properties, DateTimeOffset now)
    {
        if (_condition is null)
        {
            return true;
        }

        var state = new ProfileState { Id = 0 };
        state.Tracked["event"] = [new TrackedEvent(now.ToUnixTimeMilliseconds(), properties)];
        return new SegmentPredicate(_condition, now).Matches(state);
    }

    /// <summary>Every property of <paramref name="keys"/> (dotted paths) is present in both and equal.</summary>
    public static bool Keyed(IReadOnlyList<string>? keys, JsonObject? properties, JsonObject? entryData) =>
        keys is not { Count: > 0 } || keys.All(k => Value(properties, k) is { } a && Value(entryData, k) is { } b && Same(a, b));

    public static JsonNode? Value(JsonObject? root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    // "42" and 42 are the same cart: stores write ids as either.
    private static bool Same(JsonNode a, JsonNode b) =>
        JsonNode.DeepEquals(a, b) || (a is JsonValue && b is JsonValue && Text(a) == Text(b));

    private static string Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
