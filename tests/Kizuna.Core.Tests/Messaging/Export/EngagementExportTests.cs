using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Messaging.Export;

public sealed class EngagementExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Export_EngagementEvents_ArriveSignedWithTheEventIdAsWebhookId_ToEachEndpointThatTakesThem(string engine)
    {
        await using var host = await ExportHost.StartAsync(engine);
        var all = await host.EndpointAsync("/all");
        var clicks = await host.EndpointAsync("/clicks", "Email Link Clicked");
        await host.Channels.CustomerAsync("x-1", new { first_name = "Hana" });

        await host.TrackAsync("x-1", Ingestion.Messages.T0, "Email Opened", "Product Viewed", "Email Link Clicked", "Unsubscribed");
        var requests = await host.RequestsAsync(4);

        var byPath = requests.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.ToList());
        var toAll = byPath["/all"].Select(r => ExportHost.Verified(r, all.Secret)).ToList();
        var toClicks = Assert.Single(byPath["/clicks"]);
        Assert.Equal(["Email Link Clicked", "Email Opened", "Unsubscribed"], toAll.Select(b => b.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Email Link Clicked", ExportHost.Verified(toClicks, clicks.Secret).GetProperty("type").GetString());
        Assert.ThrowsAny<Exception>(() => ExportHost.Verified(toClicks, all.Secret));   // each endpoint signs with its own secret
        foreach (var request in requests)
        {
            var data = System.Text.Json.JsonDocument.Parse(request.Body).RootElement.GetProperty("data");
            Assert.Equal(data.GetProperty("event_id").GetString(), request.Headers["webhook-id"]);
            Assert.Equal(("x-1", 7), (data.GetProperty("user_id").GetString(), data.GetProperty("properties").GetProperty("message_id").GetInt32()));
        }

        Assert.Equal(3, requests.Select(r => r.Headers["webhook-id"]).Distinct().Count());   // the click went to both under one id
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Export_ReceiverDown_RetriedWithExponentialBackoffForADay_ThenDeadInTheWorkspacesDeadJobs(string engine)
    {
        var clock = new FakeTimeProvider(Ingestion.Messages.T0.AddHours(1));
        await using var host = await ExportHost.StartAsync(engine, clock);
        host.Peer.Answer = (_, _) => (503, "");
        await host.EndpointAsync("/down");
        await host.Channels.CustomerAsync("x-2", new { first_name = "Ken" });
        var queuedAt = clock.GetUtcNow();

        await host.TrackAsync("x-2", Ingestion.Messages.T0, "Email Opened");
        var first = TimeSpan.FromMinutes(1);
        var job = await host.JobAfterAsync(1);
        for (var attempt = 1; job.State == "pending"; attempt++)
        {
            // Each wait is the doubled delay (capped at four hours) less a random part of at most a half.
            var full = TimeSpan.FromTicks(Math.Min(first.Ticks << Math.Min(attempt - 1, 20), TimeSpan.FromHours(4).Ticks));
            var wait = Epoch.FromMs(job.DueAt) - clock.GetUtcNow();
            Assert.InRange(wait, full / 2 - TimeSpan.FromMilliseconds(1), full);
            host.AdvanceTo(clock, job.DueAt);
            job = await host.JobAfterAsync(attempt + 1);
        }

        var requests = await host.RequestsAsync(job.Attempts);
        Assert.Single(requests.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.InRange(clock.GetUtcNow() - queuedAt, TimeSpan.FromHours(24), TimeSpan.FromHours(28));
        Assert.InRange(job.Attempts, 9, 30);
        var dead = Assert.Single(await host.Get<JobQueue>().DeadAsync(ExportJob.Queue, host.Ws, 10, Ct));
        Assert.StartsWith("127.0.0.1 answered 503. Tried for 2", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ReceiverRefuses4xx_DeadAtOnce_While429IsTriedAgain()
    {
        var clock = new FakeTimeProvider(Ingestion.Messages.T0.AddHours(1));
        await using var host = await ExportHost.StartAsync("sqlite", clock);
        host.Peer.Answer = (request, attempt) => request.Path != "/busy" ? (410, "") : attempt == 1 ? (429, "") : (204, "");
        var gone = await host.EndpointAsync("/gone");
        var busy = await host.EndpointAsync("/busy");
        await host.Channels.CustomerAsync("x-3", new { first_name = "Aki" });

        await host.TrackAsync("x-3", Ingestion.Messages.T0, "Email Opened");
        var refused = await host.JobAfterAsync(1, gone.Endpoint.Id);
        var throttled = await host.JobAfterAsync(1, busy.Endpoint.Id);
        host.AdvanceTo(clock, throttled.DueAt);
        var delivered = await host.JobAfterAsync(2, busy.Endpoint.Id);

        Assert.Equal(("dead", "127.0.0.1 answered 410."), (refused.State, refused.LastError));
        Assert.Equal(("pending", "127.0.0.1 answered 429."), (throttled.State, throttled.LastError));
        Assert.Equal("done", delivered.State);
        Assert.Equal(["/busy", "/busy", "/gone"], (await host.RequestsAsync(3)).Select(r => r.Path).Order(StringComparer.Ordinal));
    }
}
