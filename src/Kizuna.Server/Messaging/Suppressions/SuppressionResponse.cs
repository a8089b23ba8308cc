using Kizuna.Messaging;
using Kizuna.Messaging.Suppressions;

namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>
/// One listed address: its channel, its listed form (lower-case email, E.164 phone), why, the profile that had it
/// when listed (null for none), the message that bounced, and the bounce's SMTP code or the note given.
/// </summary>
public sealed record SuppressionResponse(string Channel, string Address, string Reason, long? ProfileId, long? MessageId, string? Detail, DateTimeOffset CreatedAt)
{
    public static SuppressionResponse From(SuppressedAddress entry) => new(
        MessageChannels.Name(entry.Channel), entry.Address, entry.Reason, entry.ProfileId > 0 ? entry.ProfileId : null, entry.MessageId, entry.Detail, entry.CreatedAt);
}
