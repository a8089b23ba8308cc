using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Analytics.Scores;

/// <summary>How a <see cref="ScoreSummary"/> is stored: web-style JSON with segments by name.</summary>
internal static class ScoreSummaryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(ScoreSummary summary) => JsonSerializer.Serialize(summary, Options);

    public static ScoreSummary? Read(string json) => JsonSerializer.Deserialize<ScoreSummary>(json, Options);
}
