namespace Kizuna.Server.Messaging.Suppressions;

/// <summary><c>POST /api/suppressions</c>: 1 to 1,000 addresses to list; the valid ones are listed even when others are not.</summary>
public sealed record AddSuppressionsRequest(IReadOnlyList<SuppressionEntryRequest>? Entries);
