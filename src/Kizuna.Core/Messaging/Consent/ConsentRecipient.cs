using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;

namespace Kizuna.Messaging.Consent;

/// <summary>Whom a signed link speaks for: the message it came in and the profile that message belongs to now.</summary>
public sealed record ConsentRecipient(OutboxMessage Message, Profile Profile);
