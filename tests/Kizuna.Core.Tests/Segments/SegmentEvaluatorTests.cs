using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Segments;

public sealed class SegmentEvaluatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MembersAndMatch_FollowTheClock(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(Track("a", null, "Email Opened", SegmentWorld.Now.AddDays(-29)), Track("b", null, "Email Opened", SegmentWorld.Now));
        var (a, b) = (await world.IdOfAsync("a"), await world.IdOfAsync("b"));
        var time = new FakeTimeProvider(SegmentWorld.Now);
        var evaluator = new SegmentEvaluator(world.Store.Database, new ProfileStateReader(world.Store.Database), time);
        var opened = SegmentDefinition.FromText("""performed("Email Opened", within 30d)""").Condition!;
        var lapsed = SegmentDefinition.FromText("""not performed("Email Opened", within 30d)""").Condition!;

        Assert.Equal([a, b], (await evaluator.MembersAsync(SegmentWorld.Ws, opened, Ct)).Order());
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal([b], await evaluator.MembersAsync(SegmentWorld.Ws, opened, Ct));
        Assert.Equal([a], await evaluator.MembersAsync(SegmentWorld.Ws, lapsed, Ct, profileIds: [a, b]));
        var matched = await evaluator.MatchAsync(SegmentWorld.Ws, [opened, lapsed], [a, b], Ct);
        Assert.Equal([b], matched[0]);
        Assert.Equal([a], matched[1]);
    }

    [Fact]
    public void Dependencies_NameWhatADefinitionReads()
    {
        var definition = SegmentDefinition.FromText(
            """trait.address.city = "京都" and performed("Order Completed", within 30d) and performed("Checkout", property.total > 1) """
            + """and value.rfm_segment exists and in_segment(4) and bought(category "tea") and last_performed("Signed Up") before 2026-01-01""").Condition!;

        var needs = SegmentDependencies.Of(definition);

        Assert.Equal(["address"], needs.Traits);
        Assert.Equal(["Checkout", "Order Completed", "Signed Up"], needs.Events.Order());
        Assert.Equal(["Order Completed"], needs.WindowedEvents);
        Assert.Equal(["Checkout"], needs.EventsWithProperties);
        Assert.Equal(["rfm_segment"], needs.Values);
        Assert.Equal([4L], needs.Segments);
        Assert.True(needs.Orders);
        Assert.False(needs.Commerce);
        Assert.True(needs.TimeSensitive);
        Assert.False(SegmentDependencies.Of(SegmentDefinition.FromText("""performed("X", between 2026-01-01 and 2026-02-01)""").Condition!).TimeSensitive);
    }
}
