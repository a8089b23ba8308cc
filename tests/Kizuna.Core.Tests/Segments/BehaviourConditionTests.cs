using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Segments;

public sealed class BehaviourConditionTests
{
    private static readonly DateTimeOffset Now = SegmentWorld.Now;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Performed_CountsWindowsAndNotPerformed(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Track("often", null, "Order Completed", Now.AddDays(-10)),
            Track("often", null, "Order Completed", Now.AddDays(-80)),
            Track("often", null, "Order Completed", Now.AddDays(-200)),
            Track("once", null, "Order Completed", Now.AddDays(-100)),
            Track("once", null, "Email Opened", Now.AddDays(-3)),
            Track("never", null, "Email Opened", Now.AddDays(-40)));

        Assert.Equal(["often"], await world.MembersAsync("""performed("Order Completed", count >= 2, within 90d)"""));
        Assert.Equal(["often", "once"], await world.MembersAsync("""performed("Order Completed")"""));
        Assert.Equal(["never", "once"], await world.MembersAsync("""performed("Order Completed", count < 2, within 90d)"""));
        Assert.Equal(["never", "often"], await world.MembersAsync("""not performed("Email Opened", within 30d)"""));
        Assert.Equal(["once"], await world.MembersAsync("""performed("Order Completed", between 2026-08-01 and 2026-08-31)"""));
        Assert.Equal(["never"], await world.MembersAsync("""performed("Order Completed", count = 0)"""));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Performed_PropertyFilters_ReadNestedTypedProperties(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Track("big", null, "Checkout", Now.AddDays(-2)) with { PropertiesJson = """{"total":12000,"shipping":{"method":"express"},"tags":["gift"]}""" },
            Track("small", null, "Checkout", Now.AddDays(-2)) with { PropertiesJson = """{"total":800,"shipping":{"method":"standard"}}""" },
            Track("small", null, "Checkout", Now.AddDays(-60)) with { PropertiesJson = """{"total":"20000","shipping":{"method":"express"}}""" });

        Assert.Equal(["big"], await world.MembersAsync("""performed("Checkout", property.total > 5000)"""));
        Assert.Equal(["big", "small"], await world.MembersAsync("""performed("Checkout", property.shipping.method = "express")"""));
        Assert.Equal(["big"], await world.MembersAsync("""performed("Checkout", within 30d, property.shipping.method = "express")"""));
        Assert.Equal(["small"], await world.MembersAsync("""performed("Checkout", count = 0, property.tags:list contains "gift")"""));
        Assert.Equal(["small"], await world.MembersAsync("""first_performed("Checkout", property.shipping.method = "express") more than 30 days ago"""));
        Assert.Equal(["big", "small"], await world.MembersAsync("""last_performed("Checkout") less than 7 days ago"""));
        Assert.Equal(["small"], await world.MembersAsync("""first_performed("Checkout") before 2026-10-01"""));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Commerce_UsesSpendOrdersAndLines(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Order("loyal", "o1", 3000.5m, Now.AddDays(-100)),
            Order("loyal", "o2", 9000m, Now.AddDays(-5)),
            Order("refunder", "o3", 500m, Now.AddDays(-20)),
            Refund("refunder", "o3", null, Now.AddDays(-2)),
            Identify("browser", null, "{}"));

        Assert.Equal(["loyal"], await world.MembersAsync("order_count >= 2"));
        Assert.Equal(["loyal"], await world.MembersAsync("total_spent > 12000"));
        Assert.Equal(["loyal"], await world.MembersAsync("average_order_value = 6000.25"));
        Assert.Equal(["loyal"], await world.MembersAsync("first_order_at more than 90 days ago"));
        Assert.Equal(["browser"], await world.MembersAsync("last_order_at is not set"));
        Assert.Equal(["loyal", "refunder"], await world.MembersAsync("""bought(category "tea")"""));
        Assert.Equal(["loyal"], await world.MembersAsync("""bought(product "p1", within 30d) and not refunded()"""));
        Assert.Equal(["refunder"], await world.MembersAsync("refunded(within 7d)"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ValuesSegmentsBucketAndProfileFields_MatchOnBothEvaluators(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Identify("a", null, """{"timezone":"Asia/Tokyo","locale":"ja-JP"}"""),
            Identify("b", null, """{"address":{"country":"JP"}}"""));
        var (a, b) = (await world.IdOfAsync("a"), await world.IdOfAsync("b"));
        // a's scores are a row of customer_scores (without predictions), b's value a row of profile_values: both are read by name.
        await world.ExecuteAsync(
            """
            INSERT INTO customer_scores (workspace_id, profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment, computed_at)
            VALUES (1, @a, 5, 4, 5, '545', 'Champions', 0)
            """,
            new { a });
        await world.ExecuteAsync(
            "INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (1, @b, 'predicted_clv', 52000.5, NULL, 0)",
            new { b });
        await world.ExecuteAsync("INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at) VALUES (1, 7, @b, 0)", new { b });

        Assert.Equal(["a"], await world.MembersAsync("""value.rfm_segment = "Champions" """));
        Assert.Equal(["b"], await world.MembersAsync("value.predicted_clv > 50000"));
        Assert.Equal(["b"], await world.MembersAsync("value.rfm_segment is not set"));
        Assert.Equal(["a"], await world.MembersAsync("value.rfm_recency >= 5 and value.rfm_score = \"545\""));
        Assert.Equal(["b"], await world.MembersAsync("in_segment(7)"));
        Assert.Equal(["a"], await world.MembersAsync("""profile.timezone = "Asia/Tokyo" and profile.locale starts with "ja" """));
        Assert.Equal(["b"], await world.MembersAsync("""profile.country = "JP" """));
        var bucketA = Definitions.RandomBucket.Of(a);
        Assert.Equal(["a"], await world.MembersAsync($"bucket = {bucketA} and trait.timezone exists"));
    }

    [Fact]
    public void RandomBucket_IsStableAndSpread()
    {
        var counts = new int[100];
        for (var id = 1L; id <= 100_000; id++)
        {
            counts[Definitions.RandomBucket.Of(id)]++;
        }

        Assert.Equal(Definitions.RandomBucket.Of(12345), Definitions.RandomBucket.Of(12345));
        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }
}
