using Dapper;
using Kizuna.Ingestion;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Segments;

/// <summary>
/// A store with profiles written through the real ingestion path, and both evaluators over it: the SQL query and the
/// predicate over state read by <see cref="ProfileStateReader"/>.
/// </summary>
internal sealed class SegmentWorld : IAsyncDisposable
{
    public const long Ws = 1;

    private SegmentWorld(TestStore store, FakeTimeProvider time)
    {
        Store = store;
        Time = time;
        Ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, time);
    }

    /// <summary>Now for every evaluation: 2026-11-20 09:00 UTC unless a test moves it.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public TestStore Store { get; }

    public FakeTimeProvider Time { get; }

    public IngestStore Ingest { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SegmentWorld> CreateAsync(string engine) =>
        new(await TestStore.CreateAsync(engine, Ct), new FakeTimeProvider(Now));

    public async Task WriteAsync(params IngestMessage[] messages) => await Ingest.WriteAsync([new IngestBatch(Ws, messages)], Ct);

    public async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await Store.Database.OpenAsync(Ct);
        await connection.ExecuteAsync(sql, args);
    }

    public async Task<long> IdOfAsync(string userId)
    {
        await using var connection = await Store.Database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT profile_id FROM identities WHERE workspace_id = @ws AND kind = 'user' AND value = @userId", new { ws = Ws, userId });
    }

    /// <summary>The user ids of the members by SQL and by the predicate; they must agree.</summary>
    public async Task<string[]> MembersAsync(Condition condition)
    {
        Assert.Empty(SegmentValidator.Validate(condition));
        var (sql, memory) = await BothAsync(condition);
        Assert.Equal(sql, memory);
        return sql;
    }

    public async Task<string[]> MembersAsync(string text)
    {
        var parsed = SegmentDefinition.FromText(text);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return await MembersAsync(parsed.Condition!);
    }

    public async Task<(string[] Sql, string[] Memory)> BothAsync(Condition condition)
    {
        await using var connection = await Store.Database.OpenAsync(Ct);
        var names = (await connection.QueryAsync<(long Id, string Value)>(
            "SELECT profile_id, value FROM identities WHERE workspace_id = @ws AND kind = 'user'", new { ws = Ws })).ToDictionary(r => r.Id, r => r.Value);
        var query = new SegmentSqlCompiler(Store.Database.Dialect).Compile(condition, Ws, Time.GetUtcNow());
        var sql = (await connection.QueryAsync<long>(query.Sql, query.Parameters)).Select(id => names[id]).Order(StringComparer.Ordinal).ToArray();
        var states = await new ProfileStateReader(Store.Database).ReadAsync(Ws, names.Keys.ToList(), SegmentDependencies.Of(condition), Ct);
        var predicate = new SegmentPredicate(condition, Time.GetUtcNow());
        var memory = states.Values.Where(predicate.Matches).Select(s => names[s.Id]).Order(StringComparer.Ordinal).ToArray();
        return (sql, memory);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
