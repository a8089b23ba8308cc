namespace Kizuna.Server.Messaging;

/// <summary>Who a message goes to: exactly one of a user id, a profile id or an email address.</summary>
public sealed record MessageRecipientRequest(string? UserId = null, long? ProfileId = null, string? Email = null);
