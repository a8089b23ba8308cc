using Kizuna.Messaging;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Server.Messaging;

/// <summary>A message: where it stands, its tries and last error, and (when read by id) every state it went through.</summary>
public sealed record MessageResponse(
    long Id,
    string Channel,
    string State,
    long ProfileId,
    string? Recipient,
    long TemplateId,
    int TemplateVersion,
    string Source,
    bool Transactional,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    IReadOnlyList<MessageHistoryResponse>? History)
{
    public static MessageResponse From(OutboxMessage m, IReadOnlyList<OutboxHistoryEntry>? history = null) => new(
        m.Id, MessageChannels.Name(m.Channel), OutboxStates.Name(m.State), m.ProfileId, m.Recipient, m.TemplateId, m.TemplateVersion,
        m.Source, m.Transactional, m.Attempts, m.LastError, m.CreatedAt, m.UpdatedAt, m.SentAt,
        history is null ? null : [.. history.Select(MessageHistoryResponse.From)]);
}
