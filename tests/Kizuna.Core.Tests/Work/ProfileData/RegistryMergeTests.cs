using Dapper;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Work.ProfileData;

/// <summary>A merge of two stored profiles, read back from the tables: rows moved, counters added up, earlier merges re-pointed.</summary>
public sealed class RegistryMergeTests
{
    private const long Ws = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_MergeOfStoredProfiles_MovesAndAddsUpTheirRows(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = CustomerData.Ingest(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Track("u1", null, "Product Viewed", T0.AddHours(1)),
            Order("u1", "o-1", 1000, T0.AddHours(2)),
            Group("u1", null, "acme", "{}", T0.AddHours(3)),
        ])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Page(null, "tablet", T0)])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Identify("u2", "phone", "{}", T0.AddMinutes(1)),
            Track("u2", null, "Product Viewed", T0.AddMinutes(2)),
            Order("u2", "o-2", 500, T0.AddHours(4)),
            Group("u2", null, "acme", "{}", T0.AddMinutes(3)),
            Group("u2", null, "globex", "{}", T0.AddHours(5)),
            Track("u2", "tablet", "Product Viewed", T0.AddHours(6)),
        ])], Ct);
        var (u1, u2) = (await IdAsync(store, "u1"), await IdAsync(store, "u2"));
        var tablet = await MergedIntoAsync(store, u2);

        // u2 (holding the tablet visit merged before) merges into u1.
        await ingest.WriteAsync([new IngestBatch(Ws, [Alias("u1", "u2", T0.AddHours(7))])], Ct);

        await using var connection = await store.Database.OpenAsync(Ct);
        foreach (var table in CoreProfileData.Registry.Tables.Where(t => t.Parent is null && t.Name != "profiles"))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table.Name} WHERE {table.ProfileColumn} = @u2", new { u2 }));
        }

        Assert.Equal((u1, u1), (await connection.QuerySingleAsync<long>("SELECT merged_into FROM profiles WHERE id = @u2", new { u2 }),
            await connection.QuerySingleAsync<long>("SELECT merged_into FROM profiles WHERE id = @tablet", new { tablet })));
        // Every call is an event: 3 of u1, the tablet's page, 6 of u2 and the alias.
        Assert.Equal(11, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events WHERE profile_id = @u1", new { u1 }));
        Assert.Equal(["o-1", "o-2"], await connection.QueryAsync<string>("SELECT order_id FROM orders WHERE profile_id = @u1 ORDER BY order_id", new { u1 }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM order_lines WHERE order_id IN ('o-1', 'o-2')"));
        Assert.Equal(["phone", "tablet", "u1", "u2"], await connection.QueryAsync<string>("SELECT value FROM identities WHERE profile_id = @u1 ORDER BY value", new { u1 }));
        Assert.Equal((3L, Epoch.ToMs(T0.AddMinutes(2)), Epoch.ToMs(T0.AddHours(6))), await connection.QuerySingleAsync<(long, long, long)>(
            "SELECT count, first_at, last_at FROM event_counts WHERE profile_id = @u1 AND name = 'Product Viewed'", new { u1 }));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>(
            "SELECT count FROM daily_counts WHERE profile_id = @u1 AND name = 'Product Viewed' AND day = @day", new { u1, day = Epoch.Day(Epoch.ToMs(T0)) }));
        var spend = await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.Id, $"{u1}"), Ct);
        Assert.Equal((1500m, 2L), (spend!.Profile.Aggregates.TotalSpent, spend.Profile.Aggregates.Orders));
        Assert.Equal((Epoch.ToMs(T0.AddHours(2)), Epoch.ToMs(T0.AddHours(4))), await connection.QuerySingleAsync<(long, long)>(
            "SELECT first_order_at, last_order_at FROM profile_spend WHERE profile_id = @u1", new { u1 }));
        Assert.Equal([("acme", Epoch.ToMs(T0.AddMinutes(3)), Epoch.ToMs(T0.AddHours(3))), ("globex", Epoch.ToMs(T0.AddHours(5)), Epoch.ToMs(T0.AddHours(5)))],
            await connection.QueryAsync<(string, long, long)>("SELECT group_id, first_at, last_at FROM account_members WHERE profile_id = @u1 ORDER BY group_id", new { u1 }));
    }

    private static async Task<long> IdAsync(TestStore store, string userId) =>
        (await new ProfileService(store.Database).ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct))!.Value;

    /// <summary>The profile merged into <paramref name="survivor"/> before (the tablet's first visit).</summary>
    private static async Task<long> MergedIntoAsync(TestStore store, long survivor)
    {
        await using var connection = await store.Database.OpenAsync(Ct);
        return await connection.QuerySingleAsync<long>("SELECT id FROM profiles WHERE merged_into = @survivor", new { survivor });
    }
}
