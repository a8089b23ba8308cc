using Dapper;
using Kizuna.Imports;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Analytics.Scores;

/// <summary>Refreshes as jobs: asked for by an orders import, run by the handler, scheduled daily for workspaces with orders.</summary>
public sealed class ScoreRefreshJobTests
{
    private const string OrdersMapping = """
        { "kind": "orders", "columns": { "order_id": "Order", "user_id": "Customer", "product_id": "Sku", "price": "Price", "quantity": "Quantity", "timestamp": "At" },
          "timestampFormat": "yyyy-MM-dd", "timeZone": "UTC", "currency": "EUR" }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_Orders_QueuesOneRefreshWhichScoresTheCustomers(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(["Order,Customer,Sku,Price,Quantity,At", "1,ann,t1,10,1,2025-01-05", "2,ann,t1,20,1,2025-02-05", "3,bob,t2,30,1,2025-03-01"]);
        var mapping = ImportMappingParser.Parse(OrdersMapping);

        await host.Get<ImportService>().ImportAsync(host.Workspace.Id, csv.Path, mapping, null, Ct);
        await host.Get<ImportService>().ImportAsync(host.Workspace.Id, csv.Path, mapping, null, Ct);

        var jobs = await JobsAsync(host);
        var job = Assert.Single(jobs, j => j.Key!.StartsWith($"scores:{host.Workspace.Id}:", StringComparison.Ordinal) && !j.Key.Contains("daily", StringComparison.Ordinal));
        var claimed = new ClaimedJob(job.Id, "scores", job.Key, null, host.Workspace.Id, job.Payload, 1, 3, 1, DateTimeOffset.UnixEpoch);
        await ActivatorUtilities.CreateInstance<ScoreRefreshJobHandler>(host.Services).HandleAsync([claimed], new JobOutcomes(), Ct);

        var summary = await host.Get<ScoreReader>().SummaryAsync(host.Workspace.Id, Ct);
        Assert.Equal(2, summary!.Customers);
        Assert.Equal(2, await host.CountAsync("SELECT COUNT(*) FROM computed_values WHERE workspace_id = @ws AND name = 'rfm_segment'"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Scheduler_WorkspaceWithOrders_HasItsNextDailyRefreshQueued(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 5, 10, 0, 0, TimeSpan.Zero));
        await using var host = await CoreHost.StartAsync(engine, services => services.AddSingleton<TimeProvider>(time));
        using var csv = new TempCsv(["Order,Customer,Sku,Price,Quantity,At", "1,ann,t1,10,1,2025-01-05"]);
        await host.Get<ImportService>().ImportAsync(host.Workspace.Id, csv.Path, ImportMappingParser.Parse(OrdersMapping), null, Ct);
        var scheduler = ActivatorUtilities.CreateInstance<ScoreRefreshScheduler>(host.Services);

        await scheduler.StartAsync(Ct);
        for (var i = 0; i < 200 && !(await JobsAsync(host)).Any(j => j.Key!.Contains("daily", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(25, Ct);   // the scheduler's first pass runs on its own task
        }

        await scheduler.StopAsync(Ct);
        Assert.Single(await JobsAsync(host), j => j.Key == $"scores:{host.Workspace.Id}:daily:{new DateTimeOffset(2025, 1, 6, 3, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()}");
    }

    private static async Task<List<(long Id, string? Key, string Payload)>> JobsAsync(CoreHost host)
    {
        await using var connection = await host.Get<Database>().OpenAsync(Ct);
        return [.. await connection.QueryAsync<(long, string?, string)>("SELECT id, key, payload FROM jobs WHERE queue = 'scores'")];
    }
}
