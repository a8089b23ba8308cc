using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class OperationsTests(DashboardServer server)
{
    [Fact]
    public async Task Operations_QueueWithDeadJob_ShowsCountsAndRetries()
    {
        var (workspace, email) = await server.CreateTenantAsync("Operations");
        var jobs = server.Services.GetRequiredService<JobQueue>();
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        // A queue no handler works, so its jobs stay where the test puts them.
        var queue = $"webhooks-{Guid.NewGuid():N}"[..16];
        var dead = await jobs.EnqueueAsync(new NewJob(queue, "{}", Key: "order-1001-shipped", WorkspaceId: workspace.Id, MaxAttempts: 1), TestContext.Current.CancellationToken);
        var claimed = Assert.Single(await jobs.ClaimAsync(queue, 1, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        await jobs.FailAsync(claimed, "POST https://hooks.example.test/orders answered 410 Gone", TestContext.Current.CancellationToken);
        foreach (var i in Enumerable.Range(0, 3))
        {
            await jobs.EnqueueAsync(new NewJob(queue, "{}", WorkspaceId: workspace.Id), TestContext.Current.CancellationToken);
            await jobs.EnqueueAsync(new NewJob(queue, "{}", WorkspaceId: workspace.Id, DueAt: now.AddHours(i + 1)), TestContext.Current.CancellationToken);
        }

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-operations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operations" })).ToBeVisibleAsync();

        var row = page.Locator("#queues-table tbody tr").Filter(new() { HasText = queue });
        await Expect(row.Locator("[data-field='due']")).ToHaveTextAsync("3");
        await Expect(row.Locator("[data-field='scheduled']")).ToHaveTextAsync("3");
        await Expect(row.Locator("[data-field='dead']")).ToHaveTextAsync("1");
        var archive = page.Locator("#consumers-table tbody tr").Filter(new() { HasText = "archive" });
        await Expect(archive).Not.ToContainTextAsync("none running");
        await Expect(archive.Locator("[data-field='behind']")).ToHaveTextAsync("0");
        var deadRow = page.Locator("#dead-jobs-table tbody tr").Filter(new() { HasText = "order-1001-shipped" });
        await Expect(deadRow).ToContainTextAsync("410 Gone");
        await page.ScreenshotAsync("operations");

        await deadRow.Locator($"[data-retry='{dead}']").ClickAsync();

        await Expect(deadRow).ToHaveCountAsync(0);
        await Expect(row.Locator("[data-field='due']")).ToHaveTextAsync("4");
        await Expect(row.Locator("[data-field='dead']")).ToHaveTextAsync("0");
    }
}
