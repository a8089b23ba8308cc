namespace Kizuna.Messaging.Consent;

/// <summary>An answer that changed what was stored: the change, its group (null for the channel) and the state before.</summary>
public sealed record ConsentApplied(ConsentChange Change, SubscriptionGroup? Group, SubscriptionState Previous, SubscriptionState State);
