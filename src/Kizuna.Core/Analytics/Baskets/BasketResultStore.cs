using System.Text.Json;
using Dapper;
using Kizuna.Analytics.Metrics;
using Kizuna.Storage;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// The stored basket views of each workspace in <c>basket_results</c>: one row per view, read in one query by its
/// key, replaced whole by each refresh in one transaction (readers see the last refresh's views or the new ones).
/// </summary>
public sealed class BasketResultStore(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored result of the view, with the time it was computed, or null when none is stored for it.</summary>
    public async Task<BasketAnalysis?> FindAsync(long workspaceId, OverviewPeriod period, BasketSettings settings, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long ComputedAt, string Result)?>(new CommandDefinition(
            "SELECT computed_at, result FROM basket_results WHERE workspace_id = @workspaceId AND view_key = @key",
            new { workspaceId, key = BasketViews.Key(period, settings) }, cancellationToken: ct));
        return row is { } r && JsonSerializer.Deserialize<BasketAnalysis>(r.Result, Json) is { } analysis
            ? analysis with { ComputedAt = Epoch.FromMs(r.ComputedAt) }
            : null;
    }

    /// <summary>Replaces the workspace's stored views with <paramref name="results"/>, computed at <paramref name="computedAt"/>.</summary>
    public async Task ReplaceAsync(long workspaceId, DateTimeOffset computedAt, IReadOnlyList<BasketAnalysis> results, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM basket_results WHERE workspace_id = @workspaceId", new { workspaceId }, transaction, cancellationToken: ct));
        var at = Epoch.ToMs(computedAt);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO basket_results (workspace_id, view_key, period_from, period_to, computed_at, result)
            VALUES (@workspaceId, @key, @from, @to, @at, @result)
            """,
            results.Select(r => new
            {
                workspaceId,
                key = BasketViews.Key(r.Period, r.Settings),
                from = (long)Days.Number(r.Period.From),
                to = (long)Days.Number(r.Period.To),
                at,
                result = JsonSerializer.Serialize(r with { ComputedAt = null }, Json),
            }),
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }
}
