using System.Text.Json.Nodes;
using Kizuna.Profiles;

namespace Kizuna.Server.Profiles;

/// <summary>A customer profile as the admin API returns it.</summary>
public sealed record ProfileResponse(
    long Id,
    string? UserId,
    string? Email,
    string DisplayName,
    JsonObject Traits,
    JsonObject Context,
    ProfileAggregatesResponse Aggregates,
    IReadOnlyList<ProfileIdentityResponse> Identities,
    IReadOnlyList<EventCountResponse> EventCounts)
{
    public static ProfileResponse From(ProfileDetail detail)
    {
        var p = detail.Profile;
        var a = p.Aggregates;
        return new ProfileResponse(p.Id, p.UserId, p.Email, p.DisplayName, p.Traits, p.Context,
            new ProfileAggregatesResponse(a.FirstSeen, a.LastSeen, a.Sessions, a.PageViews, a.Events, a.Orders, a.TotalSpent,
                a.AverageOrderValue, a.FirstOrderAt, a.LastOrderAt),
            [.. detail.Identities.Select(ProfileIdentityResponse.From)], [.. detail.EventCounts.Select(EventCountResponse.From)]);
    }
}

/// <summary>The aggregates kept at ingest, with the average order value.</summary>
public sealed record ProfileAggregatesResponse(
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Sessions,
    long PageViews,
    long Events,
    long Orders,
    double TotalSpent,
    double AverageOrderValue,
    DateTimeOffset? FirstOrderAt,
    DateTimeOffset? LastOrderAt);
