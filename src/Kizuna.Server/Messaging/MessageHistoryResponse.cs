using Kizuna.Messaging.Outbox;

namespace Kizuna.Server.Messaging;

/// <summary>One state of a message's history: when, which, and why (a deferral's, suppression's or failure's reason).</summary>
public sealed record MessageHistoryResponse(DateTimeOffset At, string State, string? Detail)
{
    public static MessageHistoryResponse From(OutboxHistoryEntry e) => new(e.At, OutboxStates.Name(e.State), e.Detail);
}
