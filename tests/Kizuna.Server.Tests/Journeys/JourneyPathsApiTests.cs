using System.Net.Http.Json;
using Kizuna.Server.Messaging;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>A split with a control path: each path's entries and conversions, and the uplift over the control with the campaign reports' statistics.</summary>
public sealed class JourneyPathsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Paths_SplitWithControlAndGoal_UpliftOverTheControlWithIntervalAndTest(string engine)
    {
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        var (admin, site, _) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "api" },
            goal = new { @event = "Order Completed", window = "7d" },
            nodes = new object[]
            {
                new { id = "split", kind = "split", paths = new object[] { new { name = "offer", weight = 50, next = "done" }, new { name = "holdout", weight = 50, next = "done", control = true } } },
                new { id = "done", kind = "exit" },
            },
        });
        for (var i = 0; i < 30; i++)
        {
            var user = $"p{i}";
            await IdentifyAsync(site, user, new { email = $"{user}@example.com" });
            var entered = await admin.PostAsJsonAsync($"/api/journeys/{journey.Id}/entries", new { userId = user, key = user }, Ct);
            Assert.True(entered.IsSuccessStatusCode, await entered.Content.ReadAsStringAsync(Ct));
            if (i % 3 == 0)
            {
                await TrackAsync(site, user, "Order Completed", new { order_id = $"o{i}", total = 10m });
            }
        }

        List<PathResponse> paths;
        for (var tries = 0; ; tries++)
        {
            paths = (await admin.GetFromJsonAsync<List<PathResponse>>($"/api/journeys/{journey.Id}/paths", Ct))!;
            if (paths.Sum(p => p.Converted) == 10 || tries == 1500)
            {
                break;
            }

            await Task.Delay(20, Ct);
        }

        Assert.Equal(30, paths.Sum(p => p.Entries));
        Assert.Equal(10, paths.Sum(p => p.Converted));
        var control = Assert.Single(paths, p => p.Control);
        Assert.Equal("holdout", control.Path);
        Assert.Null(control.Uplift);
        var offer = Assert.Single(paths, p => p.Path == "offer");
        var uplift = offer.Uplift!;
        Assert.Equal("holdout", uplift.Against);
        Assert.Equal(offer.ConversionRate - control.ConversionRate, uplift.Difference, 9);
        Assert.True(uplift.Low <= uplift.Difference && uplift.Difference <= uplift.High && uplift.PValue is > 0 and <= 1);
        Assert.Equal(uplift.PValue < 0.05, uplift.Significant);
        Assert.StartsWith("Path offer's conversion rate is", uplift.Summary, StringComparison.Ordinal);
    }
}
