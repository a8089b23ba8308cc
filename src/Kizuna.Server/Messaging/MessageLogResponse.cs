namespace Kizuna.Server.Messaging;

/// <summary>
/// A page of the message log, newest first: the messages, how many match the filter in each state, and the
/// <c>beforeId</c> of the next page (null on the last).
/// </summary>
public sealed record MessageLogResponse(IReadOnlyList<MessageResponse> Items, IReadOnlyDictionary<string, long> States, long? NextBeforeId);
