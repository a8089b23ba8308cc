namespace Kizuna.Messaging.Suppressions;

/// <summary>
/// One entry of a workspace's suppression list: no message of any kind goes to <paramref name="Address"/> on
/// <paramref name="Channel"/> while it is listed. <paramref name="ProfileId"/> is the profile that had the address
/// when it was listed (0 for none); <paramref name="MessageId"/> the message that bounced.
/// </summary>
public sealed record SuppressedAddress(
    MessageChannel Channel, string Address, string Reason, long ProfileId, long? MessageId, string? Detail, DateTimeOffset CreatedAt);
