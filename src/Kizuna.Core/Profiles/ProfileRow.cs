using System.Text.Json.Nodes;
using Kizuna.Storage;

namespace Kizuna.Profiles;

/// <summary>A <c>profiles</c> row as read; <see cref="Columns"/> is the select list that fills it.</summary>
internal sealed record ProfileRow(
    long Id,
    long WorkspaceId,
    string? UserId,
    string? Email,
    string Traits,
    string Context,
    long FirstSeen,
    long LastSeen,
    long SessionCount,
    long PageViews,
    long EventCount,
    long OrderCount,
    double TotalSpent,
    long? FirstOrderAt,
    long? LastOrderAt)
{
    public const string Columns =
        """
        id, workspace_id AS workspaceId, user_id AS userId, email, traits, context, first_seen AS firstSeen, last_seen AS lastSeen,
        session_count AS sessionCount, page_views AS pageViews, event_count AS eventCount, order_count AS orderCount,
        total_spent AS totalSpent, first_order_at AS firstOrderAt, last_order_at AS lastOrderAt
        """;

    public Profile ToProfile() => new(
        Id, WorkspaceId, UserId, Email,
        JsonNode.Parse(Traits) as JsonObject ?? [],
        JsonNode.Parse(Context) as JsonObject ?? [],
        new ProfileAggregates(
            Epoch.FromMs(FirstSeen), Epoch.FromMs(LastSeen), SessionCount, PageViews, EventCount,
            OrderCount, TotalSpent, Epoch.FromMs(FirstOrderAt), Epoch.FromMs(LastOrderAt)));
}
