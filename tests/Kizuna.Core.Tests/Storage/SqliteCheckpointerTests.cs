using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Storage;

public sealed class SqliteCheckpointerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tick_CopiesCommittedWalPagesIntoTheDatabaseFile()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var file = new FileInfo(new SqliteConnectionStringBuilder(((SqliteDatabase)store.Database).ConnectionString).DataSource);
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("PRAGMA wal_autocheckpoint=0; CREATE TABLE filler (text TEXT)");
            await connection.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                INSERT INTO filler SELECT printf('%.1000c', 'x') FROM n
                """);
        }

        file.Refresh();
        var before = file.Length;
        var time = new FakeTimeProvider();
        using var checkpointer = new SqliteCheckpointer(store.Database, time, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(Ct);
        for (var wait = 0; wait < 100 && file.Length <= before; wait++)
        {
            time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(50, Ct);
            file.Refresh();
        }

        await checkpointer.StopAsync(Ct);
        Assert.True(file.Length > before + 1_000_000, $"the database file stayed at {file.Length} bytes");
    }
}
