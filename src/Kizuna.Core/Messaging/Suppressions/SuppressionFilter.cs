namespace Kizuna.Messaging.Suppressions;

/// <summary>
/// A page of the list, ordered by channel then address: entries on <see cref="Channel"/> and of <see cref="Reason"/>
/// when given, after the entry (<see cref="AfterChannel"/>, <see cref="AfterAddress"/>) that ended the previous page.
/// </summary>
public sealed record SuppressionFilter(MessageChannel? Channel, string? Reason, MessageChannel? AfterChannel, string? AfterAddress, int Limit);
