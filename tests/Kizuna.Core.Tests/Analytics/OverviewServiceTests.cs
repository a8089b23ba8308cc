using Dapper;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Analytics;

public sealed class OverviewServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kizuna-overview-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;

    public OverviewServiceTests() => _database = new SqliteDatabase(new StorageOptions { DataDirectory = _folder });

    public async ValueTask InitializeAsync() => await new Migrator(_database, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

    [Fact]
    public async Task ForWorkspaceAsync_MixedData_CountsOnlyThisWorkspaceAndNetRevenue()
    {
        var today = Epoch.Day(Epoch.ToMs(Now));
        await using (var c = await _database.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync(
                "INSERT INTO profiles (workspace_id, id, first_seen, last_seen, merged_into) VALUES (1, 1, 0, 0, NULL), (1, 2, 0, 0, NULL), (1, 3, 0, 0, 1), (2, 1, 0, 0, NULL)");
            await c.ExecuteAsync(
                "INSERT INTO daily_counts (workspace_id, profile_id, name, day, count) VALUES (1, 1, 'a', @today, 4), (1, 2, 'b', @today, 3), (1, 1, 'a', @yesterday, 9), (2, 1, 'a', @today, 50)",
                new { today, yesterday = today - 1 });
            await c.ExecuteAsync(
                """
                INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at) VALUES
                (1, 'o1', 1, 'completed', 'JPY', 1000, 0, @recent, @recent),
                (1, 'o2', 2, 'partially_refunded', 'JPY', 3000, 500, @recent, @recent),
                (1, 'o3', 2, 'cancelled', 'JPY', 7000, 0, @recent, @recent),
                (1, 'o4', 1, 'completed', 'USD', 20, 0, @recent, @recent),
                (1, 'o5', 1, 'completed', 'JPY', 9000, 0, @old, @old),
                (2, 'o6', 1, 'completed', 'JPY', 99999, 0, @recent, @recent)
                """,
                new { recent = Epoch.ToMs(Now.AddDays(-2)), old = Epoch.ToMs(Now.AddDays(-40)) });
        }

        var overview = await new OverviewService(_database, new FakeTimeProvider(Now)).ForWorkspaceAsync(1, CancellationToken.None);

        Assert.Equal(2, overview.Customers);
        Assert.Equal(7, overview.EventsToday);
        Assert.Equal(2, overview.ActiveToday);
        Assert.Equal("JPY", overview.Currency);
        Assert.Equal(3500, overview.Revenue);
        Assert.Equal(2, overview.Orders);
        Assert.Equal(14, overview.Last14Days.Count);
        Assert.Equal(new DateOnly(2026, 3, 10), overview.Last14Days[^1].Day);
        Assert.Equal(7, overview.Last14Days[^1].Events);
        Assert.Equal(9, overview.Last14Days[^2].Events);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
