using System.Globalization;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Storage;

namespace Kizuna.Segments;

/// <summary>
/// The SQL compiler and the in-memory predicate must select the same members for any definition over any data, on
/// SQLite and on PostgreSQL alike: thousands of random trees over random profiles written through ingestion.
/// Replay a failure with <c>KIZUNA_SEGMENT_SEED</c> set to the seed its message names; set it to <c>random</c> to
/// explore new trees and data.
/// </summary>
public sealed class DifferentialTests
{
    private const int DataSets = 2;
    private const int TreesPerDataSet = 1500;
    private const int ProfilesPerDataSet = 40;
    private const ulong DefaultSeed = 20261205;

    /// <summary>Mid-morning UTC, when Pacific/Kiritimati is already tomorrow and Pacific/Pago_Pago still yesterday.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SqlAndPredicate_SelectTheSameMembers_OnRandomTreesAndData()
    {
        // A fixed seed by default, so a run fails only for a change of code; KIZUNA_SEGMENT_SEED=random explores.
        var seed = Environment.GetEnvironmentVariable("KIZUNA_SEGMENT_SEED") switch
        {
            null or "" => DefaultSeed,
            "random" => (ulong)Random.Shared.NextInt64(1, long.MaxValue),
            var given => ulong.Parse(given, CultureInfo.InvariantCulture),
        };
        string[] engines = TestStore.PostgresConnectionString is null ? ["sqlite"] : ["sqlite", "postgres"];
        var (checkedTrees, telling) = (0, 0);
        for (var set = 0; set < DataSets; set++)
        {
            var profiles = DataGen.Profiles(ProfilesPerDataSet).Sample(1, new Rnd(seed + (ulong)set), 12)[0];
            var trees = TreeGen.Tree.Where(t => SegmentValidator.Validate(t).Count == 0).Sample(TreesPerDataSet, new Rnd(seed + 100 + (ulong)set), 8);
            var worlds = new List<(SegmentWorld World, Dictionary<long, string> Names, IReadOnlyDictionary<long, ProfileState> States)>();
            try
            {
                foreach (var engine in engines)
                {
                    var world = await SegmentWorld.CreateAsync(engine);
                    worlds.Add((world, [], new Dictionary<long, ProfileState>()));
                    worlds[^1] = await LoadAsync(world, profiles, trees);
                }

                Assert.All(worlds, w => Assert.Equal(worlds[0].Names, w.Names));
                foreach (var tree in trees)
                {
                    string[]? first = null;
                    foreach (var (world, names, states) in worlds)
                    {
                        var query = new SegmentSqlCompiler(world.Store.Database.Dialect).Compile(tree, SegmentWorld.Ws, Now);
                        await using var connection = await world.Store.Database.OpenAsync(Ct);
                        var sql = (await connection.QueryAsync<long>(query.Sql, query.Parameters)).Select(id => names[id]).Order(StringComparer.Ordinal).ToArray();
                        var predicate = new SegmentPredicate(tree, Now);
                        var memory = states.Values.Where(predicate.Matches).Select(s => names[s.Id]).Order(StringComparer.Ordinal).ToArray();
                        var why = $"seed {seed}, data set {set}, {world.Store.Database.Kind}: {SegmentDefinition.ToText(tree)}";
                        Assert.True(sql.SequenceEqual(memory), $"{why}\nSQL: {string.Join(",", sql)}\nmemory: {string.Join(",", memory)}");
                        first ??= sql;
                        Assert.True(first.SequenceEqual(sql), $"{why}\nSQLite: {string.Join(",", first)}\nthis engine: {string.Join(",", sql)}");
                    }

                    checkedTrees++;
                    telling += first!.Length > 0 && first.Length < ProfilesPerDataSet ? 1 : 0;
                }
            }
            finally
            {
                foreach (var w in worlds)
                {
                    await w.World.DisposeAsync();
                }
            }
        }

        // Trees that select nobody or everybody prove little; most must split the profiles.
        Assert.Equal(DataSets * TreesPerDataSet, checkedTrees);
        Assert.True(telling > checkedTrees / 2, $"only {telling} of {checkedTrees} trees split the profiles (seed {seed})");
    }

    private static async Task<(SegmentWorld, Dictionary<long, string>, IReadOnlyDictionary<long, ProfileState>)> LoadAsync(
        SegmentWorld world, List<DataGen.Profile> profiles, IReadOnlyList<Condition> trees)
    {
        world.Time.SetUtcNow(Now);
        await world.WriteAsync([.. profiles.SelectMany(p => p.Messages)]);
        var names = new Dictionary<long, string>();
        foreach (var profile in profiles)
        {
            var id = await world.IdOfAsync(profile.UserId);
            names[id] = profile.UserId;
            foreach (var (name, number, text) in profile.Values)
            {
                await world.ExecuteAsync(
                    "INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (@ws, @id, @name, @number, @text, 0)",
                    new { ws = SegmentWorld.Ws, id, name, number, text });
            }

            foreach (var segment in profile.Segments)
            {
                await world.ExecuteAsync("INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at) VALUES (@ws, @segment, @id, 0)",
                    new { ws = SegmentWorld.Ws, segment, id });
            }
        }

        var states = await new ProfileStateReader(world.Store.Database).ReadAsync(SegmentWorld.Ws, names.Keys, SegmentDependencies.Of(trees), Ct);
        return (world, names, states);
    }
}
