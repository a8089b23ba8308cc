namespace Kizuna.Messaging.Consent;

/// <summary>What a user writes of a subscription group: all of it on create, the key and channel never change after.</summary>
public sealed record SubscriptionGroupDraft(
    string Key,
    MessageChannel Channel,
    string Name,
    string? Description = null,
    string? NameJa = null,
    string? DescriptionJa = null,
    bool OptIn = false,
    bool Archived = false);
