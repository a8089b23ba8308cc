using System.Text.Json;
using Kizuna.Profiles;

namespace Kizuna.Messaging;

/// <summary>
/// One transactional message: a stored template to a profile (<paramref name="To"/>: its id, user id or email) or to
/// an address no profile has, with <paramref name="Data"/> the template reads as <c>data</c>.
/// <paramref name="IdempotencyKey"/> is the caller's: the same key answers the first message instead of sending again.
/// <paramref name="Email"/> gives the address of a profile without one, <paramref name="Phone"/> its phone number (SMS).
/// A message that is not <paramref name="Transactional"/> is marketing: it needs the recipient's consent for its
/// channel and its <paramref name="SubscriptionGroup"/> (a key), and passes frequency caps, quiet hours and the control
/// group. <paramref name="Version"/> sends that version instead of the current one; <paramref name="Source"/> names
/// where the message came from (<c>api</c>, or <see cref="MessageSources.Test"/> for a test send).
/// </summary>
public sealed record TransactionalSend(
    long TemplateId, ProfileLookup To, string? Email = null, JsonElement? Data = null, string? IdempotencyKey = null, string? Phone = null,
    bool Transactional = true, string? SubscriptionGroup = null, int? Version = null, string Source = MessageSources.Api);
