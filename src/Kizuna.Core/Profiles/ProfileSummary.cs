namespace Kizuna.Profiles;

/// <summary>One row of a customer list; <see cref="TotalSpent"/> is in the customer's main <see cref="Currency"/>.</summary>
public sealed record ProfileSummary(
    long Id,
    string? UserId,
    string? Email,
    string DisplayName,
    DateTimeOffset LastSeen,
    long Events,
    long Orders,
    decimal TotalSpent,
    string? Currency);
