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
    public async Task SweepAsync_TickRunAgainAfterACrashBeforeTheRows_TheExitIsWrittenOnce(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false, o => o.SweepInterval = Interval);
        await live.IngestAsync(live.Track("u-6", "Email Opened"));
        var segment = await live.CreateAsync("Opened today", """performed("Email Opened", within 1d)""");
        await live.ComputedAsync(segment);
        var tick = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        live.Time.SetUtcNow(tick);

        await live.Core.Get<SegmentSweep>().SweepAsync(tick, Ct);
        // As if the node died after the exit event committed and before the member row was deleted.
        await using (var connection = await live.Core.Get<Database>().OpenAsync(Ct))
        {
            await connection.ExecuteAsync(
                "INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at) VALUES (@ws, @id, @profile, 0)",
                new { ws = live.Ws, id = segment.Id, profile = await live.ProfileOfAsync("u-6") });
        }

        await live.Core.Get<SegmentSweep>().SweepAsync(tick, Ct);

        Assert.Empty(await live.MembersAsync(segment));
        Assert.Single(await live.EventsAsync(SegmentEvents.Exited, await live.ProfileOfAsync("u-6")));
    }
}
