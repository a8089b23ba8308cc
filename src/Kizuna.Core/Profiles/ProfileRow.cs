using System.Text.Json.Nodes;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Profiles;

/// <summary>
/// A <c>profiles</c> row as read; <see cref="Columns"/> is the select list that fills it. Properties rather than a
/// constructor, so Dapper converts each engine's money type (SQLite's integer, PostgreSQL's numeric) to decimal.
/// </summary>
internal sealed record ProfileRow
{
    public long Id { get; init; }

    public long WorkspaceId { get; init; }

    public string? UserId { get; init; }

    public string? Email { get; init; }

    public string Traits { get; init; } = "";

    public string Context { get; init; } = "";

    public long FirstSeen { get; init; }

    public long LastSeen { get; init; }

    public long SessionCount { get; init; }

    public long PageViews { get; init; }

    public long EventCount { get; init; }

    public long OrderCount { get; init; }

    public decimal TotalSpent { get; init; }

    public string? Currency { get; init; }

    public long? FirstOrderAt { get; init; }

    public long? LastOrderAt { get; init; }

    public const string Columns =
        """
        id, workspace_id AS workspaceId, user_id AS userId, email, traits, context, first_seen AS firstSeen, last_seen AS lastSeen,
        session_count AS sessionCount, page_views AS pageViews, event_count AS eventCount, order_count AS orderCount,
        total_spent AS totalSpent, currency, first_order_at AS firstOrderAt, last_order_at AS lastOrderAt
        """;

    public Profile ToProfile(StoreKind kind) => new(
        Id, WorkspaceId, UserId, Email,
        JsonNode.Parse(Traits) as JsonObject ?? [],
        JsonNode.Parse(Context) as JsonObject ?? [],
        new ProfileAggregates(
            Epoch.FromMs(FirstSeen), Epoch.FromMs(LastSeen), SessionCount, PageViews, EventCount,
            OrderCount, Money.FromStored(TotalSpent, kind), Currency, Epoch.FromMs(FirstOrderAt), Epoch.FromMs(LastOrderAt)));
}
