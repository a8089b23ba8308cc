using System.Text.Json;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>POST /api/messages</c>: a stored template sent to one recipient. <c>to</c> names the profile by one of
/// <c>userId</c>, <c>profileId</c> or <c>email</c> (an address no profile has is sent to as it is); <c>email</c>
/// overrides the profile's address; <c>data</c> is read by the template as <c>data</c>. The idempotency key (this
/// field or the <c>Idempotency-Key</c> header) makes a retry answer the first message instead of sending again.
/// For an SMS template <c>phone</c> gives the number of a profile without one. <c>transactional</c> (default true)
/// false makes it marketing: it then needs the recipient's consent, for the <c>subscriptionGroup</c> (a group's key)
/// too when one is named, and passes the workspace's guardrails.
/// </summary>
public sealed record SendMessageRequest(
    long? TemplateId, MessageRecipientRequest? To, string? Email = null, JsonElement? Data = null, string? IdempotencyKey = null, string? Phone = null,
    bool? Transactional = null, string? SubscriptionGroup = null);
