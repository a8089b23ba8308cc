namespace Kizuna.Profiles;

/// <summary>One row of a customer list.</summary>
public sealed record ProfileSummary(
    long Id,
    string? UserId,
    string? Email,
    string DisplayName,
    DateTimeOffset LastSeen,
    long Events,
    long Orders,
    double TotalSpent);
