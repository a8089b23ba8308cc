using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Log;

/// <summary>
/// Which messages the log lists: each set field narrows it. <paramref name="BeforeId"/> pages backwards (the log is
/// newest first), so a page stays put while new messages arrive.
/// </summary>
public sealed record MessageLogFilter(
    MessageChannel? Channel = null,
    OutboxState? State = null,
    long? TemplateId = null,
    long? ProfileId = null,
    string? Source = null,
    long? BeforeId = null,
    int Limit = 50);
