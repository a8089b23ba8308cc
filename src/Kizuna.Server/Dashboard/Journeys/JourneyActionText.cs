using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Messaging;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>The action nodes' settings as the editor's text fields hold them, and back.</summary>
public static class JourneyActionText
{
    /// <summary><c>name = value</c> a line: a number, true, false or null is written as such, anything else as a (Liquid) text.</summary>
    public static JsonObject? ParseTraits(string? text)
    {
        var traits = new JsonObject();
        foreach (var line in Lines(text))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            var name = (at < 0 ? line : line[..at]).Trim();
            var value = at < 0 ? "" : line[(at + 1)..].Trim();
            traits[name] = value switch
            {
                "null" => null,
                "true" => true,
                "false" => false,
                _ when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
                _ => value,
            };
        }

        return traits.Count == 0 ? null : traits;
    }

    public static string TraitLines(JsonObject traits) => string.Join("\n", traits.Select(t => $"{t.Key} = {t.Value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    }}"));

    /// <summary><c>sms = unsubscribed, newsletter = opted_in</c>: a channel's name, else a subscription group's key.</summary>
    public static IReadOnlyList<SubscriptionChange>? ParseSubscriptions(string? text)
    {
        var changes = (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Split('=', 2, StringSplitOptions.TrimEntries))
            .Select(p => MessageChannels.TryParse(p[0], out _)
                ? new SubscriptionChange(p.Length > 1 ? p[1] : "", Channel: p[0])
                : new SubscriptionChange(p.Length > 1 ? p[1] : "", Group: p[0]))
            .ToList();
        return changes.Count == 0 ? null : changes;
    }

    public static string SubscriptionText(IEnumerable<SubscriptionChange> changes) =>
        string.Join(", ", changes.Select(c => $"{c.Channel ?? c.Group} = {c.State}"));

    /// <summary><c>Name: value</c> a line.</summary>
    public static IReadOnlyDictionary<string, string>? ParseHeaders(string? text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines(text))
        {
            var at = line.IndexOf(':', StringComparison.Ordinal);
            headers[(at < 0 ? line : line[..at]).Trim()] = at < 0 ? "" : line[(at + 1)..].Trim();
        }

        return headers.Count == 0 ? null : headers;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
