namespace Kizuna.Messaging.Consent;

/// <summary>A customer's answer for a channel or a subscription group.</summary>
public enum SubscriptionState
{
    /// <summary>Receives marketing unless the channel asks for an explicit opt-in (the default of an opt-out channel).</summary>
    Subscribed,

    /// <summary>Said yes explicitly (a double opt-in confirmed, a ticked box): receives marketing under either policy.</summary>
    OptedIn,

    /// <summary>Said no: receives no marketing on the channel or group; transactional messages still go.</summary>
    Unsubscribed,

    /// <summary>Asked to subscribe; a confirmation email is on its way and nothing marketing goes until it is clicked.</summary>
    Pending,
}
