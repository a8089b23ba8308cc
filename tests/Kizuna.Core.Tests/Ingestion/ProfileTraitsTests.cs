using Dapper;
using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Ingestion;

public sealed class ProfileTraitsTests
{
    private const long Ws = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Identify_SameTraitsAgainThenChanged_OneRowPerTraitValue(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Microsoft.Extensions.Options.Options.Create(new IngestionOptions()),
            Kizuna.Work.ProfileData.CoreProfileData.Registry, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        var traits = """{"email":"hana@example.com","name":"花子","age":30,"vip":true}""";

        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("user-1", "anon-1", traits) with { MessageId = "m-1" }])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("user-1", "anon-2", traits) with { MessageId = "m-2" }])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Identify("user-1", null, """{"age":31,"country":"JP"}""") with { MessageId = "m-3" },
            Identify("user-1", null, """{"age":31}""") with { MessageId = "m-4" },
        ])], Ct);

        await using var connection = await store.Database.OpenAsync(Ct);
        var rows = (await connection.QueryAsync<(string Name, string Value)>("SELECT name, value FROM profile_traits ORDER BY name, value")).ToList();
        Assert.Equal([("age", "31"), ("country", "JP"), ("email", "hana@example.com"), ("name", "花子"), ("vip", "true")], rows);
    }
}
