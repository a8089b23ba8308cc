namespace Kizuna.Messaging.Outbox;

/// <summary>One state a message went through, when, and why (a deferral's, suppression's or failure's reason).</summary>
public sealed record OutboxHistoryEntry(DateTimeOffset At, OutboxState State, string? Detail);
