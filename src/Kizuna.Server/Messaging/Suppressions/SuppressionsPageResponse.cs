namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>A page of the suppression list ordered by channel and address, and the <c>after</c> cursor of the next page (null on the last).</summary>
public sealed record SuppressionsPageResponse(IReadOnlyList<SuppressionResponse> Items, string? Next);
