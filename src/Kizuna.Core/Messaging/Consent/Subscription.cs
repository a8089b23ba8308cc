namespace Kizuna.Messaging.Consent;

/// <summary>
/// A customer's stored answer for a channel (<paramref name="GroupId"/> 0) or one of its subscription groups, where it
/// came from (<c>identify</c>, <c>api</c>, <c>unsubscribe_link</c>, <c>one_click</c>, <c>preferences</c>,
/// <c>double_opt_in</c>) and when it was given.
/// </summary>
public sealed record Subscription(MessageChannel Channel, long GroupId, SubscriptionState State, string Source, DateTimeOffset ChangedAt);
