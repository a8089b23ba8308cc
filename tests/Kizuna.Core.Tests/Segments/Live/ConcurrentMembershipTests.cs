using System.Globalization;
using Kizuna.Storage;

namespace Kizuna.Segments.Live;

/// <summary>
/// Two computations of one segment at once (a sweep and a save's recompute on one node, two nodes on PostgreSQL, the
/// real-time consumer beside a recompute) diff against the same member rows: each transition is still written once.
/// </summary>
public sealed class ConcurrentMembershipTests
{
    private const int Rounds = 12;

    private const int PerRound = 6;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecomputeAsync_TwoAtOnce_EachEntryAndExitWrittenOnce(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        var segment = await live.CreateAsync("Gold", """trait.plan = "gold" """);
        await live.ComputedAsync(segment);
        var recompute = live.Core.Get<SegmentRecompute>();
        var users = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            var ids = Enumerable.Range(0, PerRound).Select(i => $"u-{round}-{i}").ToList();
            users.AddRange(ids);
            await live.IngestAsync([.. ids.Select(u => live.Identify(u, """{"plan":"gold"}"""))]);
            await BothAsync(recompute, segment, $"a{round}", $"b{round}");
            await live.IngestAsync([.. ids.Select(u => live.Identify(u, """{"plan":"free"}"""))]);
            await BothAsync(recompute, segment, $"c{round}", $"d{round}");
        }

        foreach (var user in users)
        {
            var profile = await live.ProfileOfAsync(user);
            Assert.Single(await live.EventsAsync(SegmentEvents.Entered, profile));
            Assert.Single(await live.EventsAsync(SegmentEvents.Exited, profile));
        }

        Assert.Empty(await live.MembersAsync(segment));
        Assert.Equal(0, (await live.Segments.FindAsync(live.Ws, segment.Id, TestContext.Current.CancellationToken))!.MemberCount);
        Assert.Equal(
            Rounds * PerRound,
            await live.ScalarAsync($"SELECT sum(entered) FROM segment_sizes WHERE workspace_id = @ws AND segment_id = {segment.Id}"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandleAsync_RecomputesBesideTheRealTimeConsumer_EachEntryWrittenOnce(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine);
        var segment = await live.CreateAsync("Buyers", """performed("Order Completed")""");
        await live.ComputedAsync(segment);
        var recompute = live.Core.Get<SegmentRecompute>();
        var users = Enumerable.Range(0, Rounds * PerRound).Select(i => $"b-{i}").ToList();

        // The consumer reacts to each commit while recomputes of the same segment run back to back beside it.
        using var stop = new CancellationTokenSource();
        var recomputes = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await recompute.RecomputeAsync(segment, string.Create(CultureInfo.InvariantCulture, $"x{n}"), live.Time.GetUtcNow(), TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);
        foreach (var chunk in users.Chunk(PerRound))
        {
            await live.IngestAsync([.. chunk.Select(u => live.Track(u, "Order Completed"))]);
        }

        var profiles = new List<long>();
        foreach (var user in users)
        {
            profiles.Add(await live.ProfileOfAsync(user));
        }

        await live.UntilAsync(async () => (await live.MembersAsync(segment)).Length == users.Count);
        await stop.CancelAsync();
        await recomputes;

        foreach (var profile in profiles)
        {
            Assert.Single(await live.EventsAsync(SegmentEvents.Entered, profile));
        }
    }

    private static Task BothAsync(SegmentRecompute recompute, Segment segment, string first, string second)
    {
        var at = LiveHost.Start;
        var ct = TestContext.Current.CancellationToken;
        return Task.WhenAll(
            Task.Run(() => recompute.RecomputeAsync(segment, first, at, ct), ct),
            Task.Run(() => recompute.RecomputeAsync(segment, second, at, ct), ct));
    }
}
