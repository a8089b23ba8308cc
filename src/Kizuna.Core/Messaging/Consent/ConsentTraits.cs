using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Consent as identify traits, in the shapes Braze and Customer.io users already send:
/// <c>email_subscribe</c> / <c>sms_subscribe</c> / <c>push_subscribe</c> (<c>opted_in</c>, <c>subscribed</c>,
/// <c>unsubscribed</c>); <c>unsubscribed: true|false</c> for email; <c>subscription_groups</c> as an object
/// (<c>{"newsletter": false}</c> or <c>{"newsletter": "subscribed"}</c>) or Braze's array
/// (<c>[{"subscription_group_id": "newsletter", "subscription_state": "unsubscribed"}]</c>); and Customer.io's
/// <c>cio_subscription_preferences: {"topics": {"newsletter": true}}</c>. Anything else in traits is left alone.
/// </summary>
public static class ConsentTraits
{
    public const string Source = "identify";

    private static readonly (string Trait, MessageChannel Channel)[] ChannelTraits =
        [("email_subscribe", MessageChannel.Email), ("sms_subscribe", MessageChannel.Sms), ("push_subscribe", MessageChannel.Push)];

    /// <summary>A cheap test on the raw JSON before parsing: most identify calls carry no consent.</summary>
    public static bool MayCarryConsent(string? traitsJson) => traitsJson is not null
        && (traitsJson.Contains("_subscribe\"", StringComparison.Ordinal) || traitsJson.Contains("\"unsubscribed\"", StringComparison.Ordinal)
            || traitsJson.Contains("\"subscription_groups\"", StringComparison.Ordinal) || traitsJson.Contains("\"cio_subscription_preferences\"", StringComparison.Ordinal));

    public static IReadOnlyList<ConsentChange> Parse(string? traitsJson, DateTimeOffset at, string source = Source)
    {
        if (!MayCarryConsent(traitsJson))
        {
            return [];
        }

        JsonObject? traits;
        try
        {
            traits = JsonNode.Parse(traitsJson!) as JsonObject;
        }
        catch (JsonException)
        {
            return [];
        }

        return traits is null ? [] : Parse(traits, at, source);
    }

    /// <summary>The answers of traits (or of a track event's properties in the same shapes), recorded under <paramref name="source"/>.</summary>
    public static IReadOnlyList<ConsentChange> Parse(JsonObject traits, DateTimeOffset at, string source)
    {
        var changes = new List<ConsentChange>();
        foreach (var (trait, channel) in ChannelTraits)
        {
            if (StateOf(traits[trait]) is { } state)
            {
                changes.Add(new ConsentChange(channel, null, state, source, at));
            }
        }

        // The flag says "unsubscribed": true, "true", "yes" and 1 leave email.
        if (traits["unsubscribed"] is JsonValue flag && !changes.Any(c => c.Channel == MessageChannel.Email)
            && (flag.TryGetValue<bool>(out var unsubscribed) || (flag.TryGetValue<string>(out var text) && bool.TryParse(YesNo(text), out unsubscribed))))
        {
            changes.Add(new ConsentChange(MessageChannel.Email, null, unsubscribed ? SubscriptionState.Unsubscribed : SubscriptionState.Subscribed, source, at));
        }

        AddGroups(traits["subscription_groups"], changes, at, source);
        AddGroups((traits["cio_subscription_preferences"] as JsonObject)?["topics"], changes, at, source);
        return changes;
    }

    /// <summary>
    /// A state written as text, as CSV files and form fields carry it: a state's name, or a yes or no
    /// (<c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>) for subscribed or unsubscribed.
    /// </summary>
    public static SubscriptionState? StateOfText(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => SubscriptionState.Subscribed,
        "false" or "no" or "0" => SubscriptionState.Unsubscribed,
        var name => SubscriptionStates.TryParse(name, out var state) && state != SubscriptionState.Pending ? state : null,
    };

    private static string? YesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => "true",
        "false" or "no" or "0" => "false",
        _ => null,
    };

    private static void AddGroups(JsonNode? node, List<ConsentChange> changes, DateTimeOffset at, string source)
    {
        if (node is JsonObject byKey)
        {
            foreach (var (key, value) in byKey)
            {
                if (StateOf(value) is { } state && key.Length > 0)
                {
                    changes.Add(new ConsentChange(MessageChannel.Email, key, state, source, at));
                }
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var item in list.OfType<JsonObject>())
            {
                var key = (item["subscription_group_id"] ?? item["key"]) is JsonValue k && k.TryGetValue<string>(out var text) ? text : null;
                if (key is { Length: > 0 } && StateOf(item["subscription_state"] ?? item["state"]) is { } state)
                {
                    changes.Add(new ConsentChange(MessageChannel.Email, key, state, source, at));
                }
            }
        }
    }

    private static SubscriptionState? StateOf(JsonNode? node) => node is not JsonValue value ? null
        : value.TryGetValue<bool>(out var yes) ? (yes ? SubscriptionState.Subscribed : SubscriptionState.Unsubscribed)
        : value.TryGetValue<int>(out var number) && number is 0 or 1 ? (number == 1 ? SubscriptionState.Subscribed : SubscriptionState.Unsubscribed)
        : value.TryGetValue<string>(out var text) ? StateOfText(text)
        : null;
}
