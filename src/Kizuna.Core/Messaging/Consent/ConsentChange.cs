namespace Kizuna.Messaging.Consent;

/// <summary>
/// One answer to record: for <paramref name="Channel"/> itself, or for the group named by <paramref name="GroupKey"/>
/// (which then decides the channel). <paramref name="At"/> is when it was given: an answer older than the stored one
/// changes nothing, so data arriving late never undoes a newer choice.
/// </summary>
public sealed record ConsentChange(MessageChannel Channel, string? GroupKey, SubscriptionState State, string Source, DateTimeOffset At, long? MessageId = null);
