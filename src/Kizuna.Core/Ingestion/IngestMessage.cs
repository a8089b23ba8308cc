using Kizuna.Commerce;

namespace Kizuna.Ingestion;

/// <summary>
/// One validated Segment-spec message, ready for the batch writer. JSON members the writer only stores
/// (properties, traits, context) stay as raw JSON text; what the writer acts on is lifted out at the edge.
/// </summary>
public sealed record IngestMessage
{
    public required MessageType Type { get; init; }

    public required string MessageId { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>The id an <c>alias</c> call merges into <see cref="UserId"/>.</summary>
    public string? PreviousId { get; init; }

    public string? GroupId { get; init; }

    /// <summary>The event of a <c>track</c> call, or the name of a <c>page</c>/<c>screen</c> call.</summary>
    public string? Name { get; init; }

    public string? PropertiesJson { get; init; }

    public string? TraitsJson { get; init; }

    public string? ContextJson { get; init; }

    /// <summary>Profile-level facts from <c>context</c>: time zone, locale, device, campaign, library.</summary>
    public ProfileContext? Context { get; init; }

    /// <summary>
    /// The time the client stated (<c>timestamp</c>, else <c>originalTimestamp</c>, as sent), or null when it stated
    /// none. A retry carries the same one, so with the messageId it identifies a repeat (<see cref="MessageKey"/>).
    /// </summary>
    public DateTimeOffset? StatedTimestamp { get; init; }

    /// <summary>
    /// When it happened, after clock-skew correction; the arrival time when that lies outside the allowed window
    /// (<see cref="IngestionOptions.MaxTimestampAhead"/>, <see cref="IngestionOptions.MaxTimestampAge"/>).
    /// </summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The order an e-commerce event describes (<c>Order Completed</c>, <c>Order Refunded</c>, <c>Order Cancelled</c>).</summary>
    public OrderEvent? Order { get; init; }

    /// <summary>The name under which per-event counts and daily roll-ups are kept.</summary>
    public string CountName => Type switch
    {
        MessageType.Track => Name!,
        MessageType.Page => "$page",
        MessageType.Screen => "$screen",
        MessageType.Identify => "$identify",
        MessageType.Group => "$group",
        _ => "$alias",
    };
}
