namespace Kizuna.Messaging.Export;

/// <summary>
/// A workspace's receiver of engagement events: where they are posted, and which event names it takes (null: every
/// engagement event, <see cref="EngagementEventNames"/>). Its signing secret is never part of it: it is shown once,
/// when the endpoint is created.
/// </summary>
public sealed record WebhookEndpoint(long Id, long WorkspaceId, Uri Url, string? Description, IReadOnlyList<string>? Events, DateTimeOffset CreatedAt)
{
    public bool Takes(string? eventName) =>
        Events is null ? EngagementEventNames.IsEngagement(eventName) : eventName is not null && Events.Contains(eventName, StringComparer.Ordinal);
}
