using Kizuna.Demo;
using Kizuna.Journeys.Storage;
using Kizuna.Server.Messaging;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Demo;

/// <summary>The demo's live journeys: launched from the ready-made ones and fed days of events on the demo clock, with entries at many nodes.</summary>
public sealed class DemoJourneysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_DemoShop_JourneysHaveEntriesAtSeveralNodesAndSentMessages()
    {
        var clock = new DemoClock(TimeProvider.System);
        await using var app = new KizunaApplication("sqlite", MessagingApi.Catcher);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Demo", Ct);
        await host.Services.GetRequiredService<DemoDataGenerator>().SeedAsync(workspace.Id, new DemoOptions(300), null, Ct);

        var ids = await host.Services.GetRequiredService<DemoJourneys>().SeedAsync(workspace.Id, 300, Ct);

        Assert.Equal(3, ids.Count);
        var entries = host.Services.GetRequiredService<EntryStore>();
        var reached = new List<string>();
        foreach (var id in ids)
        {
            var counts = await entries.NodeCountsAsync(workspace.Id, id, Ct);
            var busy = counts.Where(c => c.Entered > 0).ToList();
            Assert.True(busy.Count >= 2, $"journey {id}: {string.Join(", ", counts.Select(c => $"{c.Node} {c.Entered}"))}");
            reached.AddRange(busy.Select(c => $"{id}:{c.Node}"));
        }

        // Messages went out, entries wait at a timer now, and some carts were ordered after their reminder.
        var totals = await entries.TotalsAsync(workspace.Id, Ct);
        Assert.True(reached.Count >= 8, string.Join(", ", reached));
        Assert.True(ids.Sum(id => totals[id].Open) > 0);
        Assert.True(totals[ids[1]].Converted > 0 && totals[ids[1]].Exited > 0);
        var steps = await entries.StepsAsync(workspace.Id, [.. (await entries.OfJourneyAsync(workspace.Id, ids[1], null, null, 500, Ct)).Select(e => e.Id)], Ct);
        Assert.Contains(steps.SelectMany(g => g), s => s is { Node: "cart_email", Outcome: "sent" });
        Assert.True((clock.GetUtcNow() - TimeProvider.System.GetUtcNow()).Duration() < TimeSpan.FromMinutes(1));
    }
}
