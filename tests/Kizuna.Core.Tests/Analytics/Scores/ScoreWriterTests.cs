using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Scores;

public sealed class ScoreWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReplaceAsync_TwoRefreshesAtOnce_TheSecondReplacesTheFirstWhole(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var writer = new ScoreWriter(store.Database);
        var firstWriting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first refresh stops halfway through its rows, its transaction open, until the second has started.
        var first = Task.Run(() => writer.ReplaceAsync(1, Held(Rows("Lost", 1, 2, 3), firstWriting, release.Task), Summary(3), Ct), Ct);
        await firstWriting.Task.WaitAsync(Ct);
        var second = Task.Run(() => writer.ReplaceAsync(1, Rows("Champions", 2, 3, 4), Summary(3), Ct), Ct);
        if (store.Database.Kind == StoreKind.Postgres)
        {
            await WaitForABlockedSessionAsync(store.Database, second);
        }

        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Ct);

        await using var connection = await store.Database.OpenAsync(Ct);
        var rows = (await connection.QueryAsync<(long Profile, string Text)>(
            "SELECT profile_id, text_value FROM computed_values WHERE workspace_id = 1 AND name = 'rfm_segment' ORDER BY profile_id")).ToList();
        Assert.Equal([(2L, "Champions"), (3L, "Champions"), (4L, "Champions")], rows);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReplaceAsync_SomeCustomersChanged_StoresExactlyTheNewRowsAndWritesOnlyTheChanges(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var writer = new ScoreWriter(store.Database);
        await writer.ReplaceAsync(1, [Row(1, "Lost", 0.5), Row(2, "Lost", 0.25), Row(3, "Lost", 0.1)], Summary(3), Ct);
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("INSERT INTO profile_values (workspace_id, profile_id, name, text_value, computed_at) VALUES (1, 3, 'loyalty_tier', 'gold', 1)");
        }

        var counts = await writer.ReplaceAsync(1, [Row(1, "Lost", 0.5), Row(2, "Champions", 0.25), Row(4, "New", null)], Summary(3) with { ComputedAt = Now.AddDays(1) }, Ct);

        await using var read = await store.Database.OpenAsync(Ct);
        var rows = (await read.QueryAsync<(long Profile, string Name, double? Number, string? Text, long At)>(
            """
            SELECT profile_id, name, number_value, text_value, computed_at FROM computed_values
            WHERE workspace_id = 1 AND name IN ('rfm_segment', 'p_alive', 'churn_risk', 'loyalty_tier') ORDER BY profile_id, name
            """)).ToList();
        Assert.Equal(
            [(1L, ScoreNames.ChurnRisk, 0.5, null), (1L, ScoreNames.ProbabilityAlive, 0.5, null), (1L, ScoreNames.RfmSegment, null, "Lost"),
             (2L, ScoreNames.ChurnRisk, 0.75, null), (2L, ScoreNames.ProbabilityAlive, 0.25, null), (2L, ScoreNames.RfmSegment, null, "Champions"),
             (3L, "loyalty_tier", null, "gold"), (4L, ScoreNames.RfmSegment, (double?)null, "New")],
            rows.Select(r => (r.Profile, r.Name, r.Number, r.Text)));

        // The customer whose scores did not change keeps the time of the refresh that wrote them; the changed and new ones get the new time.
        Assert.Equal([Epoch.ToMs(Now), Epoch.ToMs(Now.AddDays(1)), Epoch.ToMs(Now.AddDays(1))],
            rows.Where(r => r.Name == ScoreNames.RfmSegment).Select(r => r.At));
        Assert.Equal(((long)2, (long)1), counts);
    }

    private static ScoreRow Row(long profile, string segment, double? alive) => alive is { } p
        ? new(profile, 1, 2, 3, "123", segment, 100 * p, p, 2 * p, 1 - p)
        : new(profile, 1, 2, 3, "123", segment);

    private static IEnumerable<ScoreRow> Rows(string segment, params long[] profiles) =>
        profiles.Select(p => Row(p, segment, null));

    private static IEnumerable<ScoreRow> Held(IEnumerable<ScoreRow> values, TaskCompletionSource writing, Task release)
    {
        var i = 0;
        foreach (var value in values)
        {
            if (i++ == 1)
            {
                writing.SetResult();
                release.Wait(Ct);
            }

            yield return value;
        }
    }

    /// <summary>
    /// Waits until a session of the test's database waits for a lock (the second refresh has reached the first's)
    /// or the second refresh has finished without waiting.
    /// </summary>
    private static async Task WaitForABlockedSessionAsync(Database database, Task second)
    {
        await using var connection = await database.OpenAsync(Ct);
        while (!second.IsCompleted && await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            await Task.Delay(10, Ct);
        }
    }

    private static ScoreSummary Summary(int customers) => new(1, Now, customers, 0, 0, [], [], null, [], 0);
}
