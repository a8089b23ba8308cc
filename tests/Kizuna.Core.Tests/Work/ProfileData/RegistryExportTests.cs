using System.Text.Json.Nodes;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>The data-subject export holds every registered table's rows of the customer, readable as JSON.</summary>
public sealed class RegistryExportTests
{
    private const long Ws = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExportAsync_Customer_HoldsTheirRowsOfEveryRegisteredTable(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var registry = CoreProfileData.Registry;
        var ingest = CustomerData.Ingest(store);
        var id = await CustomerData.WriteAsync(ingest, store, Ws, "hanako", Ct);
        await CustomerData.WriteAsync(ingest, store, Ws, "taro", Ct);
        var rows = await TableRows.ReadAsync(store.Database, registry, Ws, Ct);

        var export = (await new PrivacyService(store.Database, new ProfileService(store.Database), registry, TimeProvider.System, []).ExportAsync(Ws, id, Ct))!;

        var tables = export["tables"]!.AsObject();
        Assert.Equal(registry.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), tables.Select(t => t.Key).Order(StringComparer.Ordinal));
        foreach (var table in registry.Tables.Select(t => t.Name))
        {
            var expected = rows.Of(table, rows.ProfileAndMerged(id)).Count;
            Assert.True(expected > 0, $"the customer has no row in {table}: add some to {nameof(CustomerData)}");
            Assert.True(expected == tables[table]!.AsArray().Count, $"{table}: {expected} rows stored, {tables[table]!.AsArray().Count} exported");
        }

        Assert.Equal(["hanako-club", "shared"], tables["accounts"]!.AsArray().Select(a => a!["group_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("hanako@example.com", export["profile"]!["profile"]!["traits"]!["email"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExportAsync_Columns_AreJsonTimesAmountsAndUuidsAsDeclared(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var id = await CustomerData.WriteAsync(CustomerData.Ingest(store), store, Ws, "hanako", Ct);

        var export = (await new PrivacyService(store.Database, new ProfileService(store.Database), CoreProfileData.Registry, TimeProvider.System, []).ExportAsync(Ws, id, Ct))!;

        var tables = export["tables"]!;
        var identified = tables["profiles"]!.AsArray().Single(p => p!["merged_into"] is null)!;
        Assert.Equal("hanako@example.com", identified["traits"]!["email"]!.GetValue<string>());
        Assert.False(identified.AsObject().ContainsKey("context_key"));
        Assert.Equal(Ingestion.Messages.T0, identified["first_seen"]!.GetValue<DateTimeOffset>());
        var order = tables["orders"]![0]!;
        Assert.Equal(1200m, order["total"]!.GetValue<decimal>());
        Assert.Equal(Ingestion.Messages.T0.AddMinutes(3), order["placed_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1200m, tables["order_lines"]![0]!["price"]!.GetValue<decimal>());
        Assert.Equal(1200m, tables["profile_spend"]![0]!["total_spent"]!.GetValue<decimal>());
        List<DateTimeOffset> times = [.. tables["events"]!.AsArray().Select(e => e!["ts"]!.GetValue<DateTimeOffset>())];
        Assert.Equal(times.Order(), times);
        var viewed = tables["events"]!.AsArray().Single(e => e!["name"]?.GetValue<string>() == "Product Viewed")!;
        Assert.IsType<JsonObject>(viewed["properties"]);
        Assert.True(Guid.TryParse(viewed["event_id"]!.GetValue<string>(), out _));
        Assert.Equal("Club", tables["accounts"]!.AsArray().Single(a => a!["group_id"]!.GetValue<string>() == "hanako-club")!["traits"]!["name"]!.GetValue<string>());
    }
}
