using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Tracking;
using Kizuna.Storage;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Every change of consent as an event on the profile: <c>Subscribed</c> (subscribed or opted in),
/// <c>Unsubscribed</c>, or <c>Subscription Pending</c> (a double opt-in sent), with <c>channel</c>, <c>group</c> (the
/// group's key, absent for the channel), <c>state</c>, <c>previous_state</c>, <c>source</c> and, when a message's link
/// made it, <c>message_id</c>.
/// </summary>
public static class ConsentEvents
{
    public static string Name(SubscriptionState state) => state switch
    {
        SubscriptionState.Unsubscribed => "Unsubscribed",
        SubscriptionState.Pending => "Subscription Pending",
        _ => "Subscribed",
    };

    public static ProfileEvent For(long workspaceId, long profileId, ConsentApplied applied)
    {
        var change = applied.Change;
        var properties = new JsonObject
        {
            ["channel"] = MessageChannels.Name(change.Channel),
            ["state"] = SubscriptionStates.Name(applied.State),
            ["previous_state"] = SubscriptionStates.Name(applied.Previous),
            ["source"] = change.Source,
        };
        if (applied.Group is { } group)
        {
            properties["group"] = group.Key;
        }

        if (change.MessageId is { } message)
        {
            properties["message_id"] = message;
        }

        var at = Epoch.ToMs(change.At).ToString(CultureInfo.InvariantCulture);
        var key = $"kizuna-consent-{profileId.ToString(CultureInfo.InvariantCulture)}-{MessageChannels.Name(change.Channel)}-{applied.Group?.Id ?? 0}-{SubscriptionStates.Name(applied.State)}-{at}";
        return new ProfileEvent(workspaceId, profileId, Name(applied.State), key, properties, change.At);
    }
}
