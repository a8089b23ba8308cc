using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Storage;

namespace Kizuna.Segments;

/// <summary>
/// A list of values bound early in a definition with twenty more constants after it: Dapper expands the list into
/// numbered parameters, which once collided with the later constants' names and made SQL select the wrong members.
/// The data is the random data set the differential test found it on.
/// </summary>
public sealed class ListParameterTests
{
    private const string Tree = """
        (value.predicted_clv in ["en", "山田", "山田"] and (refunded(within 1d) and profile.locale is not set
         and performed("A", within 1d, property.flag starts with "tea", property.at:date exists) or value.rfm_segment != "US"))
        and first_performed("A", property.total:list not contains "express") != 2026-08-22
        and (in_segment(1) or all(performed("B", count between 4 and 4, within 90d, property.shipping.method starts with "US", property.at <= 800))
             or trait.name is not set)
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Compile_ListFollowedByManyConstants_SelectsWhatThePredicateSelects(string engine)
    {
        var profiles = DataGen.Profiles(40).Sample(1, new Rnd(2199363276180286577), 12)[0];
        var tree = SegmentDefinition.ParseText(Tree).Condition!;
        await using var world = await SegmentWorld.CreateAsync(engine);
        world.Time.SetUtcNow(DifferentialTests.Now);
        await world.WriteAsync([.. profiles.SelectMany(p => p.Messages)]);
        var ids = new List<long>();
        foreach (var profile in profiles)
        {
            var id = await world.IdOfAsync(profile.UserId);
            ids.Add(id);
            foreach (var (name, number, text) in profile.Values)
            {
                await world.ExecuteAsync(
                    "INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (@ws, @id, @name, @number, @text, 0)",
                    new { ws = SegmentWorld.Ws, id, name, number, text });
            }
        }

        var query = new SegmentSqlCompiler(world.Store.Database.Dialect).Compile(tree, SegmentWorld.Ws, DifferentialTests.Now);
        await using var connection = await world.Store.Database.OpenAsync(Ct);
        var sql = (await connection.QueryAsync<long>(query.Sql, query.Parameters)).Order().ToArray();
        var states = await new ProfileStateReader(world.Store.Database).ReadAsync(SegmentWorld.Ws, ids, SegmentDependencies.Of([tree]), Ct);
        var predicate = new SegmentPredicate(tree, DifferentialTests.Now);
        var memory = states.Values.Where(predicate.Matches).Select(s => s.Id).Order().ToArray();

        Assert.NotEmpty(memory);
        Assert.Equal(memory, sql);
    }
}
