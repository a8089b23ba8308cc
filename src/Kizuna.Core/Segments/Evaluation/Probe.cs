using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>A value read for a field condition, seen as each type it may be compared as (null: not of that type).</summary>
internal readonly record struct Probe(bool Exists, string? Text, decimal? Number, bool? Bool, JsonArray? List)
{
    public static Probe Missing => default;

    /// <summary>A JSON member reached by a dotted path; only objects are walked into, as the SQL path does.</summary>
    public static Probe Json(JsonObject? root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return Missing;
            }
        }

        return Of(node);
    }

    public static Probe Of(JsonNode? node) => node switch
    {
        null => Missing,
        JsonArray array => new(true, null, null, null, array),
        JsonObject => new(true, null, null, null, null),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new(true, value.GetValue<string>(), null, null, null),
            JsonValueKind.Number => new(true, null, value.TryGetValue<decimal>(out var n) ? n : (decimal?)null, null, null),
            JsonValueKind.True => new(true, null, null, true, null),
            JsonValueKind.False => new(true, null, null, false, null),
            _ => Missing,
        },
        _ => Missing,
    };

    public static Probe Value(ComputedValue? value) => value is null
        ? Missing
        : new(value.Text is not null || value.Number is not null, value.Text, value.Number is { } n ? (decimal)n : null, null, null);

    /// <summary>A profile fact: <c>timezone</c> and <c>locale</c> from the context first, <c>country</c> from the traits.</summary>
    public static string? ProfileField(ProfileState state, string name) => name switch
    {
        "timezone" => Json(state.Context, "timezone").Text ?? Json(state.Traits, "timezone").Text,
        "locale" => Json(state.Context, "locale").Text ?? Json(state.Traits, "locale").Text,
        "country" => Json(state.Traits, "country").Text ?? Json(state.Traits, "address.country").Text,
        _ => null,
    };

    public static Probe Field(ProfileState state, FieldCondition field) => field.Source switch
    {
        FieldSource.Trait => Json(state.Traits, field.Name),
        FieldSource.Value => Value(state.Values.GetValueOrDefault(field.Name)),
        _ => ProfileField(state, field.Name) is { } text ? new(true, text, null, null, null) : Missing,
    };
}
