using Kizuna.Commerce;

namespace Kizuna.Ingestion;

/// <summary>Builds ingestion messages for tests; every message gets a fresh messageId unless one is given.</summary>
internal static class Messages
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static IngestMessage Identify(string? userId, string? anonymousId, string traitsJson, DateTimeOffset? at = null, string? messageId = null) =>
        Make(MessageType.Identify, userId, anonymousId, null, at, messageId) with { TraitsJson = traitsJson };

    public static IngestMessage Track(string? userId, string? anonymousId, string name, DateTimeOffset? at = null, string? messageId = null, OrderEvent? order = null) =>
        Make(MessageType.Track, userId, anonymousId, name, at, messageId) with { PropertiesJson = "{}", Order = order };

    public static IngestMessage Page(string? userId, string? anonymousId, DateTimeOffset? at = null) =>
        Make(MessageType.Page, userId, anonymousId, "Home", at, null);

    public static IngestMessage Alias(string userId, string previousId, DateTimeOffset? at = null) =>
        Make(MessageType.Alias, userId, null, null, at, null) with { PreviousId = previousId };

    public static IngestMessage Order(string userId, string orderId, decimal total, DateTimeOffset? at = null, string? messageId = null, string currency = "JPY") =>
        Track(userId, null, CommerceEvents.OrderCompleted, at, messageId,
            new OrderEvent(OrderEventKind.Completed, orderId, total, currency, 0, 0, 0, null, [new OrderLine("p1", null, "Sencha", "tea", total, 1)]));

    public static IngestMessage Group(string? userId, string? anonymousId, string groupId, string traitsJson, DateTimeOffset? at = null) =>
        Make(MessageType.Group, userId, anonymousId, null, at, null) with { GroupId = groupId, TraitsJson = traitsJson };

    public static IngestMessage Refund(string userId, string orderId, decimal? amount, DateTimeOffset? at = null) =>
        Track(userId, null, CommerceEvents.OrderRefunded, at, null,
            new OrderEvent(OrderEventKind.Refunded, orderId, amount, "JPY", 0, 0, 0, null, []));

    private static IngestMessage Make(MessageType type, string? userId, string? anonymousId, string? name, DateTimeOffset? at, string? messageId) => new()
    {
        Type = type,
        MessageId = messageId ?? Guid.NewGuid().ToString(),
        UserId = userId,
        AnonymousId = anonymousId,
        Name = name,
        Timestamp = at ?? T0,
        ReceivedAt = at ?? T0,
    };
}
