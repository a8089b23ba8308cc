using System.Text.Json.Nodes;

namespace Kizuna.Profiles;

/// <summary>How a customer is named on screen, from whatever traits they have.</summary>
public static class ProfileNames
{
    public static string Display(JsonObject traits, string? email, string? userId, long id)
    {
        if (Text(traits, "name") is { } name)
        {
            return name;
        }

        var first = Text(traits, "firstName") ?? Text(traits, "first_name");
        var last = Text(traits, "lastName") ?? Text(traits, "last_name");
        if (first is not null || last is not null)
        {
            return string.Join(' ', new[] { first, last }.Where(p => p is not null));
        }

        return email ?? userId ?? $"#{id}";
    }

    private static string? Text(JsonObject traits, string key) =>
        traits.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            && !string.IsNullOrWhiteSpace(text) ? text : null;
}
