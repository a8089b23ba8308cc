using System.Data.Common;
using Dapper;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Ingestion;

/// <summary>A batch's prelude writes in the ingestion transaction: with the batch's messages, or not at all.</summary>
public sealed class BatchPreludeTests
{
    private const long Ws = 1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteGroup_Prelude_CommitsItsRowsWithTheMessagesItAnswers(string engine)
    {
        await using var store = await MarkedStoreAsync(engine);
        var batch = new IngestBatch(Ws, [Track("u1", null, "Product Viewed", messageId: "m-1")])
        {
            Prelude = async (connection, transaction, ct) =>
            {
                await MarkAsync(connection, transaction, 7, ct);
                return [Track("u2", null, "Segment Entered", messageId: "m-2")];
            },
        };

        var (results, _, failures) = await Store(store).WriteGroupAsync([batch], Ct);

        Assert.Null(failures[0]);
        Assert.Equal(new IngestResult(2, 0, 0), results[0]);
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM prelude_marks WHERE id = 7"));
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM events WHERE name = 'Segment Entered'"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteGroup_PreludeThrows_UndoesItsRowsAndFailsOnlyItsBatch(string engine)
    {
        await using var store = await MarkedStoreAsync(engine);
        var plain = new IngestBatch(Ws, [Track("u1", null, "Product Viewed", messageId: "m-1")]);
        var failing = new IngestBatch(Ws, [Track("u3", null, "Product Viewed", messageId: "m-3")])
        {
            Prelude = async (connection, transaction, ct) =>
            {
                await MarkAsync(connection, transaction, 7, ct);
                await MarkAsync(connection, transaction, 7, ct);   // a primary key violation, after a row was written
                return [];
            },
        };

        var (results, _, failures) = await Store(store).WriteGroupAsync([plain, failing], Ct);

        Assert.Null(failures[0]);
        Assert.IsAssignableFrom<DbException>(failures[1]);
        Assert.Equal(new IngestResult(1, 0, 0), results[0]);
        Assert.Equal(0, await CountAsync(store, "SELECT COUNT(*) FROM prelude_marks"));
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM events"));
    }

    private static async Task<TestStore> MarkedStoreAsync(string engine)
    {
        var store = await TestStore.CreateAsync(engine, Ct);
        await using var connection = await store.Database.OpenAsync(Ct);
        await connection.ExecuteAsync("CREATE TABLE prelude_marks (id BIGINT PRIMARY KEY)");
        return store;
    }

    private static Task MarkAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("INSERT INTO prelude_marks (id) VALUES (@id)", new { id }, transaction, cancellationToken: ct));

    private static IngestStore Store(TestStore store) =>
        new(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);

    private static async Task<long> CountAsync(TestStore store, string sql)
    {
        await using var connection = await store.Database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
