using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Metrics;

public sealed class EngagementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly OverviewPeriod Period = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EngagementAsync_PagesSessionsAndMessages_GivesTheRates(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var day = Now.AddDays(-2);
        await harness.WriteAsync([
            // u1: two sessions (an hour apart) of three and one pages, then an order; u2: one session of two pages.
            .. Enumerable.Range(0, 3).Select(i => Page("u1", null, day.AddMinutes(i))),
            Page("u1", null, day.AddHours(2)),
            Order("u1", "o1", 100, day.AddHours(2).AddMinutes(1)),
            Page("u2", null, day), Page("u2", null, day.AddMinutes(5)),
            .. Enumerable.Range(0, 4).Select(i => Track($"u{i + 1}", null, "Email Sent", day.AddDays(-1))),
            Track("u1", null, "Email Opened", day), Track("u2", null, "Email Opened", day), Track("u1", null, "Email Link Clicked", day),
            Track("u1", null, "Push Sent", day), Track("u1", null, "Push Opened", day),
        ]);

        var result = await harness.Metrics.EngagementAsync(new MetricsQuery(1, Period, MetricsScope.Workspace), Ct);

        var current = result.Current;
        // Sessions: u1 two, u2 one, u3 and u4 one each (their first event; later events of u1 and u2 fall in open sessions).
        Assert.Equal((6L, 5L, 4L, 1L), (current.PageViews, current.Sessions, current.ActiveCustomers, current.BuyingCustomers));
        Assert.Equal((1.2, 1.25, 0.25), (current.PagesPerSession, current.SessionsPerCustomer, current.ConversionRate));
        Assert.Equal((4L, 2L, 1L, 0.5, 0.25), (current.Email.Sent, current.Email.Opened, current.Email.Clicked, current.Email.OpenRate, current.Email.ClickRate));
        Assert.Equal((1L, 1d), (current.Push.Sent, current.Push.OpenRate));
        Assert.Equal((0L, 0d, 0d), (current.Sms.Sent, current.Sms.OpenRate, current.Sms.ClickRate));
        Assert.Equal((0L, 0L, 0d, 0d), (result.Previous.PageViews, result.Previous.Sessions, result.Previous.PagesPerSession, result.Previous.Email.OpenRate));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EngagementAsync_NoMessagingEvents_IsZeroNotAnError(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        await harness.WriteAsync(Page("u1", null, Now.AddDays(-1)));

        var result = await harness.Metrics.EngagementAsync(new MetricsQuery(1, Period, MetricsScope.Workspace), Ct);

        Assert.Equal((1L, 1L, 1d), (result.Current.PageViews, result.Current.Sessions, result.Current.PagesPerSession));
        Assert.Equal((0d, 0d, 0d), (result.Current.Email.OpenRate, result.Current.Email.ClickRate, result.Current.ConversionRate));
    }
}
