using System.Text.Json.Nodes;
using TimeZoneConverter;

namespace Kizuna.Profiles;

/// <summary>
/// Facts about a customer read from a profile's traits and context, one way for the dashboard and templates alike.
/// </summary>
public static class ProfileFields
{
    /// <summary>A string member, trimmed; null when missing, blank or not a string.</summary>
    public static string? Text(JsonObject json, string key) =>
        json.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>
    /// The customer's time zone: <c>context.timezone</c> (what their device reported), else the <c>timezone</c> trait;
    /// null when neither names a known zone.
    /// </summary>
    public static TimeZoneInfo? TimeZoneOf(JsonObject traits, JsonObject? context) =>
        ((context is null ? null : Text(context, "timezone")) ?? Text(traits, "timezone")) is { } name
            && TZConvert.TryGetTimeZoneInfo(name, out var zone)
            ? zone
            : null;
}
