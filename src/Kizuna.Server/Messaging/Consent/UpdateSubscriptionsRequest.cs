namespace Kizuna.Server.Messaging.Consent;

/// <summary><c>PUT /api/profiles/{id}/subscriptions</c>: the answers to record, all or none.</summary>
public sealed record UpdateSubscriptionsRequest(IReadOnlyList<SubscriptionChangeRequest>? Changes);
