using Dapper;
using Kizuna.Storage;

namespace Kizuna.Segments.Live;

public sealed class SegmentSweepTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SweepAsync_WindowPassesWithoutActivity_MemberLeavesWithinOneInterval(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false, o => o.SweepInterval = Interval);
        await live.IngestAsync(live.Track("u-5", "Order Completed"));
        var profile = await live.ProfileOfAsync("u-5");
        var segment = await live.CreateAsync("Bought in the last 2 days", """performed("Order Completed", within 2d)""");
        await live.ComputedAsync(segment);
        Assert.Equal([profile], await live.MembersAsync(segment));

        // "within 2d" is today and yesterday (UTC days): the order of 2026-11-20 falls out at 2026-11-22 00:00.
        var crossing = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var sweep = live.Core.Get<SegmentSweep>();
        DateTimeOffset? left = null;
        for (var tick = LiveHost.Start + Interval; left is null && tick <= crossing + (2 * Interval); tick += Interval)
        {
            live.Time.SetUtcNow(tick);
            await sweep.SweepAsync(tick, Ct);
            if ((await live.MembersAsync(segment)).Length == 0)
            {
                left = tick;
            }
        }

        Assert.NotNull(left);
        Assert.InRange(left.Value, crossing, crossing + Interval);
        var exited = Assert.Single(await live.EventsAsync(SegmentEvents.Exited, profile));
        Assert.EndsWith($":s{Epoch.ToMs(left.Value)}", exited, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SweepAsync_CrashLeftAnExitPending_ItsEventIsWrittenOnce(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false, o => o.SweepInterval = Interval);
        await live.IngestAsync(live.Track("u-6", "Email Opened"));
        var profile = await live.ProfileOfAsync("u-6");
        var segment = await live.CreateAsync("Opened today", """performed("Email Opened", within 1d)""");
        await live.ComputedAsync(segment);
        var tick = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        live.Time.SetUtcNow(tick);

        // As if the node died after the member row was deleted and before the exit event was written.
        var exit = new SegmentTransition(profile, false, "s1", tick);
        Assert.NotNull(await live.Core.Get<MembershipStore>().ApplyAsync(live.Ws, segment.Id, [exit], tick, null, Ct));
        Assert.Empty(await live.EventsAsync(SegmentEvents.Exited, profile));
        var left = Assert.Single(await live.Core.Get<PendingTransitions>().OfAsync(live.Ws, segment.Id, Ct));

        await live.Core.Get<SegmentSweep>().SweepAsync(tick, Ct);
        Assert.Single(await live.EventsAsync(SegmentEvents.Exited, profile));
        Assert.Empty(await live.Core.Get<PendingTransitions>().OfAsync(live.Ws, segment.Id, Ct));

        // As if it died after the event was committed and before the transition was crossed off.
        await using (var connection = await live.Core.Get<Database>().OpenAsync(Ct))
        {
            await connection.ExecuteAsync(
                "INSERT INTO segment_transitions VALUES (@ws, @id, @seq, @profile, 'out', @cause, @at)",
                new { ws = live.Ws, id = segment.Id, seq = left.Seq, profile, cause = left.Cause, at = Epoch.ToMs(left.At) });
        }

        await live.Core.Get<SegmentSweep>().SweepAsync(tick, Ct);

        Assert.Empty(await live.MembersAsync(segment));
        Assert.Single(await live.EventsAsync(SegmentEvents.Exited, profile));
        Assert.Empty(await live.Core.Get<PendingTransitions>().OfAsync(live.Ws, segment.Id, Ct));
    }
}
