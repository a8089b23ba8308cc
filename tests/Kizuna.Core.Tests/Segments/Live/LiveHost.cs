using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Kizuna.Work.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Segments.Live;

/// <summary>
/// Kizuna.Core as the server runs it (writer, job worker, change feed runner) on a fake clock, with helpers to ingest,
/// to wait for background work and to read memberships and the Segment Entered/Exited events.
/// </summary>
internal sealed class LiveHost(CoreHost host, FakeTimeProvider time) : IAsyncDisposable
{
    /// <summary>The running nodes on this host's database (itself included): waiting wakes every one's consumers.</summary>
    private List<LiveHost> _nodes = [];

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time => time;

    public CoreHost Core => host;

    public long Ws => host.Workspace.Id;

    public SegmentService Segments => host.Get<SegmentService>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A started host; with <paramref name="realTime"/> the segments consumer and the sweep's chain of jobs run (the
    /// consumer at the feed's end before this returns), without it neither does.
    /// </summary>
    public static async Task<LiveHost> StartAsync(
        string engine, bool realTime = true, Action<SegmentsOptions>? options = null, Action<IServiceCollection>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var live = new LiveHost(await CoreHost.StartAsync(engine, Services(time, realTime, options, configure)), time);
        live._nodes.Add(live);
        await live.ReadyAsync(realTime);
        return live;
    }

    /// <summary>Another node on the same database, workspace and clock, its segments consumer started the same way.</summary>
    public static async Task<LiveHost> JoinAsync(
        LiveHost other, bool realTime = true, Action<SegmentsOptions>? options = null, Action<IServiceCollection>? configure = null)
    {
        var live = new LiveHost(await CoreHost.JoinAsync(other.Core, Services(other.Time, realTime, options, configure)), other.Time);
        live._nodes = other._nodes;
        lock (live._nodes)
        {
            live._nodes.Add(live);
        }

        await live.ReadyAsync(realTime);
        return live;
    }

    private static Action<IServiceCollection> Services(
        FakeTimeProvider time, bool realTime, Action<SegmentsOptions>? options, Action<IServiceCollection>? configure) => services =>
    {
        services.AddSingleton<TimeProvider>(time);
        if (!realTime)
        {
            // Tests that sweep by hand run no chain of sweep jobs beside their own calls: a saved segment still
            // schedules the chain's next tick, so the queue itself is not worked either.
            services.Remove(services.Single(d => d.ImplementationType == typeof(SegmentSweepStarter)));
            services.Remove(services.Single(d => ReferenceEquals(d.ImplementationInstance, SegmentSweep.Settings)));
        }

        services.Configure<SegmentsOptions>(o =>
        {
            o.RealTime = realTime;
            options?.Invoke(o);
        });
        configure?.Invoke(services);
    };

    private async Task ReadyAsync(bool realTime)
    {
        if (realTime)
        {
            // A consumer seen for the first time starts at the end of the feed: ingest only once it holds its cursor.
            await UntilAsync(async () => await ScalarAsync("SELECT count(*) FROM change_cursors WHERE consumer = 'segments'") > 0);
        }
    }

    public async Task IngestAsync(params IngestMessage[] messages) =>
        await host.Get<IngestionPipeline>().SubmitAsync(new IngestBatch(Ws, messages), Ct);

    public IngestMessage Identify(string userId, string traits, string? messageId = null) =>
        Messages.Identify(userId, null, traits, time.GetUtcNow(), messageId);

    public IngestMessage Track(string userId, string name, string? messageId = null) =>
        Messages.Track(userId, null, name, time.GetUtcNow(), messageId);

    public async Task<Segment> CreateAsync(string name, string text)
    {
        var result = await Segments.CreateAsync(Ws, new SegmentDraft(name, null, null, text), "user:1", Ct);
        Assert.True(result.Segment is not null, string.Join("; ", result.Problems?.Select(p => p.ToString()) ?? []));
        return result.Segment!;
    }

    /// <summary>Waits until the segment's first full computation has been written (the recompute job ran).</summary>
    public async Task ComputedAsync(Segment segment) =>
        await UntilAsync(async () => (await Segments.FindAsync(Ws, segment.Id, Ct))?.ComputedAt is not null);

    public async Task<long[]> MembersAsync(Segment segment) =>
        [.. (await Segments.MembersAsync(Ws, segment.Id, 0, 500, Ct)).Select(m => m.ProfileId)];

    public async Task<long> ProfileOfAsync(string userId) =>
        await ScalarAsync($"SELECT profile_id FROM identities WHERE workspace_id = @ws AND kind = 'user' AND value = '{userId}'");

    /// <summary>The Segment Entered (or Exited) events of a profile for a segment, by messageId.</summary>
    public async Task<string[]> EventsAsync(string name, long profileId)
    {
        await using var connection = await host.Get<Database>().OpenAsync(Ct);
        return [.. await connection.QueryAsync<string>(
            "SELECT message_id FROM events WHERE workspace_id = @ws AND profile_id = @profileId AND name = @name ORDER BY message_id",
            new { ws = Ws, profileId, name })];
    }

    public Task<long> ScalarAsync(string sql) => host.CountAsync(sql);

    /// <summary>
    /// Waits (on the real clock: background work runs on other threads) until the condition holds, failing after two
    /// minutes. On PostgreSQL the feed holds a commit back while any older transaction on the server is open (other
    /// databases' too), and the consumer that found nothing then waits for its poll, which the frozen clock never
    /// fires: each round wakes the consumers in its place. Member rows are written before their Segment
    /// Entered/Exited events, so it also waits until no transition is left pending.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition() || await ScalarAsync("SELECT count(*) FROM segment_transitions") > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(120), "The background work did not finish within two minutes.");
            LiveHost[] nodes;
            lock (_nodes)
            {
                nodes = [.. _nodes];
            }

            foreach (var node in nodes)
            {
                node.Core.Get<ChangeSignal>().Wake();
            }

            await Task.Delay(20, Ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_nodes)
        {
            _nodes.Remove(this);
        }

        return host.DisposeAsync();
    }
}
