using Kizuna.Profiles;

namespace Kizuna.Server.Profiles;

/// <summary>One row of a customer search: <see cref="TotalSpent"/> is in the customer's main <see cref="Currency"/>.</summary>
public sealed record ProfileSummaryResponse(
    long Id,
    string? UserId,
    string? Email,
    string DisplayName,
    DateTimeOffset LastSeen,
    long Events,
    long Orders,
    decimal TotalSpent,
    string? Currency)
{
    public static ProfileSummaryResponse From(ProfileSummary summary) => new(
        summary.Id, summary.UserId, summary.Email, summary.DisplayName, summary.LastSeen, summary.Events, summary.Orders, summary.TotalSpent, summary.Currency);
}
