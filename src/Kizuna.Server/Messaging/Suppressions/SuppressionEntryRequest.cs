namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>
/// One address to list: <paramref name="Channel"/> <c>email</c> or <c>sms</c>; <paramref name="Reason"/>
/// <c>bounce</c>, <c>complaint</c> or <c>manual</c>; an optional <paramref name="Note"/> (up to 200 characters, e.g.
/// the provider's bounce code).
/// </summary>
public sealed record SuppressionEntryRequest(string? Channel, string? Address, string? Reason, string? Note);
