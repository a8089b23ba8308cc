namespace Kizuna.Server.Messaging.Consent;

/// <summary>One answer: for a <c>channel</c>, or for a <c>group</c> (its key; the group decides the channel), the new <c>state</c>.</summary>
public sealed record SubscriptionChangeRequest(string? Channel, string? Group, string? State);
