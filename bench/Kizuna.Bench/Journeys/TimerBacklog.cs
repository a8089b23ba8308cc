using System.Diagnostics;
using Dapper;
using Kizuna.Bench.Campaigns;
using Kizuna.Journeys.Engine;
using Kizuna.Storage;

namespace Kizuna.Bench.Journeys;

/// <summary>
/// W5 part B: <c>--waiting</c> entries of one journey waiting on a 30-day delay, each with its timer job, written
/// straight into the store while no server runs (one INSERT … SELECT each for entries and timers: the raw insert rate
/// of the same rows is the run's baseline). With the servers up, a first slice of them is made due evenly over
/// <c>--spread</c> seconds and then a second slice all at one instant (their entries and timers moved in one
/// transaction). Per fired entry, the lateness is the time of its "passed" step (the pass that fired it) less its due
/// time; steps/s counts both steps (passed, exited) from the due instant until the bench saw the last entry exited.
/// </summary>
internal static class TimerBacklog
{
    public static async Task<IReadOnlyList<string>> MeasureAsync(
        string store, Database database, IReadOnlyList<string> storage, int servers, CampaignBenchOptions groupOptions, int smtpPort,
        long workspaceId, long journeyId, JourneyBenchOptions options, CancellationToken ct)
    {
        var (firstEntry, firstJob, rawRowsPerSecond) = await SeedAsync(database, workspaceId, journeyId, options.Waiting, ct);
        Console.WriteLine($"  {options.Waiting:N0} waiting entries and timers written at {rawRowsPerSecond:N0} rows/s; load {Load()}");
        var rows = new List<string>();
        await using var group = await ServerGroup.StartAsync(groupOptions, storage, servers, smtpPort);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var slices = new List<(string How, int Count, int SpreadMs)>();
        if (options.SpreadDue > 0)
        {
            slices.Add(($"spread over {options.Spread} s", options.SpreadDue, options.Spread * 1000));
        }

        if (options.TogetherDue > 0)
        {
            slices.Add(("at one instant", options.TogetherDue, 0));
        }

        var offset = 0L;
        foreach (var (how, count, spreadMs) in slices)
        {
            var from = firstEntry + offset;
            var dueAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() + 3_000;
            await MakeDueAsync(database, from, firstJob + offset, count, dueAt, spreadMs, ct);
            var (fired, lateness, doneAt) = await WaitFiredAsync(database, workspaceId, journeyId, from, count, dueAt, spreadMs, ct);
            var seconds = (doneAt - dueAt) / 1000.0;
            var stepsPerSecond = 2.0 * fired / Math.Max(seconds, 0.001);
            var load = Load();
            Console.WriteLine($"  {count:N0} due {how}: {fired:N0} fired, lateness p50 {Percentile(lateness, 0.5):0} ms, p99 {Percentile(lateness, 0.99):0} ms, "
                + $"max {(lateness.Count > 0 ? lateness[^1] : 0):0} ms; last exited {seconds:0.0} s after the first came due ({stepsPerSecond:N0} steps/s); load {load}");
            rows.Add($"| {store} | {servers} | {rawRowsPerSecond:N0} | {count:N0} | {how} | {fired:N0} | {Percentile(lateness, 0.5):0} / {Percentile(lateness, 0.99):0} / {(lateness.Count > 0 ? lateness[^1] : 0):0} "
                + $"| {stepsPerSecond:N0} | {stepsPerSecond / rawRowsPerSecond:0.000} | {load} |");
            offset += count;
        }

        return rows;
    }

    /// <summary>Writes the waiting entries (far in the future) and their timers; answers the first ids and the rows written a second.</summary>
    private static async Task<(long FirstEntry, long FirstJob, double RowsPerSecond)> SeedAsync(Database database, long workspaceId, long journeyId, int count, CancellationToken ct)
    {
        var postgres = database.Kind == StoreKind.Postgres;
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var far = now + (long)TimeSpan.FromDays(30).TotalMilliseconds;
        var numbers = postgres ? "SELECT generate_series(1, @count) AS i" : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count) SELECT i FROM n";
        await using var connection = await database.OpenAsync(ct);
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO journey_entries (workspace_id, profile_id, journey_id, version, entry_key, state, node, seq, wait_until, entered_at, updated_at)
                SELECT @workspaceId, 100000000 + i, @journeyId, 1, 'seed:' || i, 'waiting', 'd', 1, @far, @now, @now FROM ({numbers}) AS n ORDER BY i
                """, new { workspaceId, journeyId, count, far, now }, transaction, commandTimeout: 3600, cancellationToken: ct));
            var firstEntry = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT id FROM journey_entries WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND entry_key = 'seed:1'",
                new { workspaceId, journeyId }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO jobs (queue, key, group_key, workspace_id, payload, state, due_at, attempts, max_attempts, created_at)
                SELECT 'journeys', 'entry:' || id || ':seq:1:r0', @group, @workspaceId, '{"Entry":' || id || ',"Seq":1}', 'pending', @far, 0, 10, @now
                FROM journey_entries WHERE id >= @firstEntry ORDER BY id
                """, new { group = CompiledJourney.GroupOf(journeyId, 1), workspaceId, firstEntry, far, now }, transaction, commandTimeout: 3600, cancellationToken: ct));
            var firstJob = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT id FROM jobs WHERE queue = 'journeys' AND key = @key", new { key = $"entry:{firstEntry}:seq:1:r0" }, transaction, cancellationToken: ct));
            var lastJob = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT id FROM jobs WHERE queue = 'journeys' AND key = @key", new { key = $"entry:{firstEntry + count - 1}:seq:1:r0" }, transaction, cancellationToken: ct));
            if (lastJob - firstJob != count - 1)
            {
                throw new InvalidOperationException("The timers were not numbered in the order of their entries.");
            }

            await transaction.CommitAsync(ct);
            var seconds = clock.Elapsed.TotalSeconds;
            if (postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("ANALYZE jobs; ANALYZE journey_entries", commandTimeout: 600, cancellationToken: ct));
            }

            return (firstEntry, firstJob, 2.0 * count / seconds);
        }
    }

    /// <summary>Moves the entries and their timers to come due from <paramref name="dueAt"/>, evenly over <paramref name="spreadMs"/>.</summary>
    private static async Task MakeDueAsync(Database database, long fromEntry, long fromJob, int count, long dueAt, int spreadMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE journey_entries SET wait_until = @dueAt + (id - @fromEntry) * @spreadMs / @count WHERE id >= @fromEntry AND id < @fromEntry + @count",
            new { dueAt, fromEntry, spreadMs = (long)spreadMs, count = (long)count }, transaction, commandTimeout: 600, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET due_at = @dueAt + (id - @fromJob) * @spreadMs / @count WHERE id >= @fromJob AND id < @fromJob + @count",
            new { dueAt, fromJob, spreadMs = (long)spreadMs, count = (long)count }, transaction, commandTimeout: 600, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    private static async Task<(int Fired, List<double> Lateness, long DoneAt)> WaitFiredAsync(
        Database database, long workspaceId, long journeyId, long fromEntry, int count, long dueAt, int spreadMs, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var limit = TimeSpan.FromMilliseconds(spreadMs) + TimeSpan.FromMinutes(15);
        long doneAt;
        while (true)
        {
            await using (var connection = await database.OpenAsync(ct))
            {
                var exited = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT count(*) FROM journey_entries WHERE id >= @fromEntry AND id < @to AND state = 'exited'",
                    new { fromEntry, to = fromEntry + count }, cancellationToken: ct));
                doneAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
                if (exited >= count || started.Elapsed > limit)
                {
                    break;
                }
            }

            await Task.Delay(200, ct);
        }

        var lateness = new List<double>(count);
        await using (var connection = await database.OpenAsync(ct))
        {
            foreach (var (entry, at) in await connection.QueryAsync<(long, long)>(new CommandDefinition(
                "SELECT entry_id, at FROM journey_steps WHERE workspace_id = @workspaceId AND entry_id >= @fromEntry AND entry_id < @to AND outcome = 'passed'",
                new { workspaceId, fromEntry, to = fromEntry + count }, commandTimeout: 600, cancellationToken: ct)))
            {
                lateness.Add(at - (dueAt + (entry - fromEntry) * spreadMs / count));
            }
        }

        lateness.Sort();
        return (lateness.Count, lateness, doneAt);
    }

    private static string Load() => JourneyBenchmark.Load();

    private static double Percentile(List<double> sorted, double p) => JourneyBenchmark.Percentile(sorted, p);
}
