namespace Kizuna.Messaging.Consent;

/// <summary>
/// A topic a customer can leave on its own (a newsletter, product updates) on one channel. <paramref name="OptIn"/>
/// groups reach only those who subscribed; the others reach everyone until they leave. Japanese names are shown on
/// the preferences page in Japanese, the English ones otherwise.
/// </summary>
public sealed record SubscriptionGroup(
    long Id,
    long WorkspaceId,
    string Key,
    MessageChannel Channel,
    string Name,
    string? Description,
    string? NameJa,
    string? DescriptionJa,
    bool OptIn,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The default answer of a customer who never said anything about this group.</summary>
    public SubscriptionState Default => OptIn ? SubscriptionState.Unsubscribed : SubscriptionState.Subscribed;
}
