namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// An in-app message or content card as delivered to one customer: <paramref name="Content"/> is the rendered message
/// as JSON (<see cref="RenderedInApp"/> or <see cref="RenderedCard"/>), and the times say what the customer did.
/// </summary>
public sealed record InAppItem(
    long WorkspaceId,
    long ProfileId,
    long MessageId,
    MessageChannel Channel,
    long TemplateId,
    int TemplateVersion,
    string Content,
    bool Pinned,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? SeenAt,
    DateTimeOffset? ClickedAt,
    DateTimeOffset? DismissedAt);
