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

    public static IReadOnlyList<ConsentChange> Parse(string? traitsJson, DateTimeOffset at)
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

        var changes = new List<ConsentChange>();
        if (traits is null)
        {
            return changes;
        }

        foreach (var (trait, channel) in ChannelTraits)
        {
            if (StateOf(traits[trait]) is { } state)
            {
                changes.Add(new ConsentChange(channel, null, state, Source, at));
            }
        }

        if (traits["unsubscribed"] is JsonValue flag && flag.TryGetValue<bool>(out var unsubscribed) && !changes.Any(c => c.Channel == MessageChannel.Email))
        {
            changes.Add(new ConsentChange(MessageChannel.Email, null, unsubscribed ? SubscriptionState.Unsubscribed : SubscriptionState.Subscribed, Source, at));
        }

        AddGroups(traits["subscription_groups"], changes, at);
        AddGroups((traits["cio_subscription_preferences"] as JsonObject)?["topics"], changes, at);
        return changes;
    }

    private static void AddGroups(JsonNode? node, List<ConsentChange> changes, DateTimeOffset at)
    {
        if (node is JsonObject byKey)
        {
            foreach (var (key, value) in byKey)
            {
                if (StateOf(value) is { } state && key.Length > 0)
                {
                    changes.Add(new ConsentChange(MessageChannel.Email, key, state, Source, at));
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
                    changes.Add(new ConsentChange(MessageChannel.Email, key, state, Source, at));
                }
            }
        }
    }

    private static SubscriptionState? StateOf(JsonNode? node) => node is not JsonValue value ? null
        : value.TryGetValue<bool>(out var yes) ? (yes ? SubscriptionState.Subscribed : SubscriptionState.Unsubscribed)
        : value.TryGetValue<string>(out var text) && SubscriptionStates.TryParse(text, out var state) && state != SubscriptionState.Pending ? state
        : null;
}
