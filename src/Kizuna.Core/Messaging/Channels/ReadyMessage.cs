using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Channels;

/// <summary>
/// A message rendered and checked, ready for its channel. <paramref name="DeliveryId"/> is derived from the outbox
/// row alone (email's <c>Message-ID</c>, a webhook's <c>webhook-id</c>, a provider's idempotency key), so a resend
/// after a crash carries the same one.
/// </summary>
public sealed record ReadyMessage(OutboxMessage Message, RenderedContent Content, string DeliveryId, Templates.MessageLinks Links);
