using System.Text.Json.Nodes;
using Kizuna.Profiles;

namespace Kizuna.Server.Profiles;

/// <summary>A customer profile as the admin API returns it, with the accounts (groups) it belongs to.</summary>
public sealed record ProfileResponse(
    long Id,
    string? UserId,
    string? Email,
    string DisplayName,
    JsonObject Traits,
    JsonObject Context,
    ProfileAggregatesResponse Aggregates,
    IReadOnlyList<ProfileIdentityResponse> Identities,
    IReadOnlyList<EventCountResponse> EventCounts,
    IReadOnlyList<ProfileAccountResponse> Accounts)
{
    public static ProfileResponse From(ProfileDetail detail)
    {
        var p = detail.Profile;
        var a = p.Aggregates;
        return new ProfileResponse(p.Id, p.UserId, p.Email, p.DisplayName, p.Traits, p.Context,
            new ProfileAggregatesResponse(a.FirstSeen, a.LastSeen, a.Sessions, a.PageViews, a.Events, a.Orders, a.TotalSpent, a.Currency,
                a.AverageOrderValue, a.FirstOrderAt, a.LastOrderAt,
                [.. a.Spend.Select(s => new CurrencySpendResponse(s.Currency, s.Orders, s.Total, s.AverageOrderValue, s.FirstOrderAt, s.LastOrderAt))]),
            [.. detail.Identities.Select(ProfileIdentityResponse.From)], [.. detail.EventCounts.Select(EventCountResponse.From)],
            [.. detail.Accounts.Select(x => new ProfileAccountResponse(x.GroupId, x.Traits, x.FirstSeen, x.LastSeen))]);
    }
}

/// <summary>
/// The aggregates kept at ingest. Money is never added across currencies: <c>totalSpent</c> and
/// <c>averageOrderValue</c> are in the main <c>currency</c> (most orders, then the latest), <c>spend</c> has every
/// currency, main first.
/// </summary>
public sealed record ProfileAggregatesResponse(
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Sessions,
    long PageViews,
    long Events,
    long Orders,
    decimal TotalSpent,
    string? Currency,
    decimal AverageOrderValue,
    DateTimeOffset? FirstOrderAt,
    DateTimeOffset? LastOrderAt,
    IReadOnlyList<CurrencySpendResponse> Spend);

/// <summary>What the customer spent in one currency (null: orders that stated none), net of refunds.</summary>
public sealed record CurrencySpendResponse(string? Currency, long Orders, decimal TotalSpent, decimal AverageOrderValue, DateTimeOffset? FirstOrderAt, DateTimeOffset? LastOrderAt);

/// <summary>An account (group) the customer belongs to: its id and traits, and when the customer was first and last seen in it.</summary>
public sealed record ProfileAccountResponse(string GroupId, JsonObject Traits, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
