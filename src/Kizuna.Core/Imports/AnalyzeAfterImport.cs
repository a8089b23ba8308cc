using Dapper;
using Kizuna.Storage;

namespace Kizuna.Imports;

/// <summary>
/// On PostgreSQL, refreshes the planner's statistics of the tables an import filled, once its rows are in. Until
/// autovacuum gets to them (never, where it is off), reads of a freshly filled table are planned from the statistics
/// of an empty one: the basket read over a just-imported year of French orders ran past its 30-second command timeout
/// that way on a busy machine. SQLite needs nothing here.
/// </summary>
internal sealed class AnalyzeAfterImport(Database database) : IImportObserver
{
    private const string Profiles = "profiles, identities, events, event_counts, daily_counts, workspace_daily_counts";

    public async Task ImportedAsync(long workspaceId, ImportKind kind, CancellationToken ct)
    {
        if (database.Kind != StoreKind.Postgres)
        {
            return;
        }

        var tables = kind switch
        {
            ImportKind.Orders => $"{Profiles}, orders, order_lines, order_links, profile_spend, customer_purchases, product_days",
            ImportKind.Products => "products",
            _ => Profiles,
        };
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition($"ANALYZE {tables}", cancellationToken: ct));
    }
}
