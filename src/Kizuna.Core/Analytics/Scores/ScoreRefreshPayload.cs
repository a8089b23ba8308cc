using System.Text.Json;

namespace Kizuna.Analytics.Scores;

/// <summary>The payload of a job on the <c>scores</c> queue: why it was asked for (<c>schedule</c>, <c>import</c>, <c>request</c>).</summary>
public sealed record ScoreRefreshPayload(string Reason)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ScoreRefreshPayload FromJson(string json) =>
        JsonSerializer.Deserialize<ScoreRefreshPayload>(json, JsonSerializerOptions.Web) ?? new ScoreRefreshPayload("request");
}
