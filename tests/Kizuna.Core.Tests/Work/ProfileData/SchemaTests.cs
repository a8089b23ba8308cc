using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>
/// The migrated schema against the registry of per-profile data, and the two engines against each other: a table
/// that keeps rows per profile without being registered would survive an erasure and be left behind by a merge.
/// </summary>
public sealed class SchemaTests
{
    /// <summary>
    /// Tables one engine has and the other does not, with the reason. Nothing else may differ.
    /// </summary>
    private static readonly Dictionary<string, string> EngineOnlyTables = new(StringComparer.Ordinal)
    {
        // SQLite has no sequences: the writer takes blocks of profile ids from a counter row. PostgreSQL uses the
        // profile_ids sequence, which is not a table.
        ["sequences"] = "sqlite",
    };

    /// <summary>
    /// Tables with a profile_id that triggers keep from a registered table, with that table: a merge or an erasure of
    /// the source rows rewrites them, so the registry must not move or delete them a second time.
    /// </summary>
    private static readonly Dictionary<string, string> KeptByTriggers = new(StringComparer.Ordinal)
    {
        ["order_links"] = "orders",
        ["cohort_months"] = "orders",
        ["profile_traits"] = "profiles",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigratedSchema_EveryTableWithAProfileId_IsRegistered(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var schema = await MigratedSchema.ReadAsync(store.Database, Ct);

        var unregistered = schema.Where(t => t.Value.Contains("profile_id") && CoreProfileData.Registry.Find(t.Key) is null && !KeptByTriggers.ContainsKey(t.Key))
            .Select(t => t.Key).ToList();

        Assert.All(KeptByTriggers, t => Assert.NotNull(CoreProfileData.Registry.Find(t.Value)));

        Assert.True(unregistered.Count == 0,
            $"Tables holding profile_id but not registered as per-profile data (AddProfileData in the feature's AddXxx): {string.Join(", ", unregistered)}");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Registry_NamesOnlyTablesAndColumnsTheSchemaHas_AndAddsUpEveryColumn(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var schema = await MigratedSchema.ReadAsync(store.Database, Ct);

        foreach (var table in CoreProfileData.Registry.Tables)
        {
            Assert.True(schema.TryGetValue(table.Name, out var columns), $"{table.Name} is registered but not in the schema");
            var named = Named(table).Where(c => !columns.Contains(c)).ToList();
            Assert.True(named.Count == 0, $"{table.Name}: the registration names columns the table lacks: {string.Join(", ", named)}");
            if (table.OnMerge is MergeRule.AddedUp rule)
            {
                // A merge re-inserts the rows with the columns it names: any other would be lost.
                var left = columns.Except(["workspace_id", table.ProfileColumn, .. rule.Key, .. rule.Sum, .. rule.Min, .. rule.Max]).ToList();
                Assert.True(left.Count == 0, $"{table.Name}: its merge rule says nothing of {string.Join(", ", left)}");
            }
        }
    }

    [Fact]
    public async Task SqliteAndPostgres_HaveTheSameTablesAndColumns()
    {
        await using var sqlite = await TestStore.CreateAsync("sqlite", Ct);
        await using var postgres = await TestStore.CreateAsync("postgres", Ct);
        var lite = await MigratedSchema.ReadAsync(sqlite.Database, Ct);
        var pg = await MigratedSchema.ReadAsync(postgres.Database, Ct);

        foreach (var (table, only) in EngineOnlyTables)
        {
            Assert.True((only == "sqlite" ? lite : pg).Remove(table), $"{table} is listed as {only}-only but {only} has no such table");
            Assert.DoesNotContain(table, (only == "sqlite" ? pg : lite).Keys);
        }

        Assert.Equal(lite.Keys, pg.Keys);
        foreach (var (table, columns) in lite)
        {
            Assert.True(columns.SetEquals(pg[table]),
                $"{table}: SQLite only {string.Join(", ", columns.Except(pg[table]))}; PostgreSQL only {string.Join(", ", pg[table].Except(columns))}");
        }
    }

    private static IEnumerable<string> Named(ProfileTable table) =>
    [
        "workspace_id",
        .. table.Parent?.Key ?? [table.ProfileColumn],
        .. table.RuleColumns,
    ];
}
