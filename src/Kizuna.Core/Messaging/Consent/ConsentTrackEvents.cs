using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Work.Changes;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Consent as track events, for apps and tools that report a choice as something the customer did:
/// <c>Unsubscribed</c> and <c>Subscribed</c> with <c>channel</c> (<c>email</c> when absent, <c>sms</c>, <c>push</c>)
/// and optionally <c>group</c> (or Braze's <c>subscription_group_id</c>) naming a subscription group, and for
/// <c>Subscribed</c> an optional <c>state</c> of <c>opted_in</c> for an explicit yes; and <c>Subscription Changed</c>
/// whose properties take the identify traits' shapes (<see cref="ConsentTraits"/>). The events Kizuna writes itself
/// for a change it recorded (their message ids start <c>kizuna-consent-</c>) are not read back. Events from an events
/// import are recorded with the source <c>import</c>.
/// </summary>
public static class ConsentTrackEvents
{
    public const string Source = "track";
    public const string Changed = "Subscription Changed";

    public static bool IsConsent(ChangeEvent e) =>
        e.Type == "track" && e.ProfileId > 0 && e.Name is "Subscribed" or "Unsubscribed" or Changed
        && !e.MessageId.StartsWith("kizuna-consent-", StringComparison.Ordinal);

    public static IReadOnlyList<ConsentChange> Parse(ChangeEvent e)
    {
        JsonObject properties;
        try
        {
            properties = (e.PropertiesJson is null ? null : JsonNode.Parse(e.PropertiesJson) as JsonObject) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }

        var source = e.MessageId.StartsWith("import:", StringComparison.Ordinal) ? ConsentFromTraits.ImportSource : Source;
        if (e.Name == Changed)
        {
            return ConsentTraits.Parse(properties, e.Timestamp, source);
        }

        var channel = MessageChannel.Email;
        if (Text(properties, "channel") is { } named && !MessageChannels.TryParse(named, out channel))
        {
            return [];   // a channel Kizuna does not have: the event stays as behaviour only
        }

        var state = e.Name == "Unsubscribed" ? SubscriptionState.Unsubscribed
            : SubscriptionStates.TryParse(Text(properties, "state"), out var stated) && stated == SubscriptionState.OptedIn ? SubscriptionState.OptedIn
            : SubscriptionState.Subscribed;
        var group = Text(properties, "group") ?? Text(properties, "subscription_group_id");
        return [new ConsentChange(channel, group, state, source, e.Timestamp)];
    }

    private static string? Text(JsonObject properties, string name) =>
        properties[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;
}
