using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class JapaneseTests(DashboardServer server)
{
    [Fact]
    public async Task CultureQuery_LiveConnectionRunning_StaysJapaneseWithLocalisedChips()
    {
        var (workspace, email) = await server.CreateTenantAsync("Culture");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("jc-1", "山田 花子", "hanako@example.test", "gold", [new SeedOrder("jc-o1", "抹茶", 3000, 1)]));
        var page = await server.NewPageAsync(timeZone: "Asia/Tokyo");
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoLiveAsync("/?culture=ja");
        // The browser's zone is read over the live connection: once it shows, the connection is up.
        await Expect(page.Locator("#user-zone")).ToHaveTextAsync("Asia/Tokyo");
        // An event arriving now is pushed to the open page by the ingestion writer, off the page's own thread.
        await server.TrackAsync(workspace.Id, "jc-1", "Coupon Applied");
        await Expect(page.Locator("#live-events")).ToContainTextAsync("Coupon Applied");
        await Expect(page.Locator("#live-events .mud-list-item").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}/\d{2}/\d{2} \d{1,2}:\d{2}"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "概要" })).ToBeVisibleAsync();
        await Expect(page.Locator("#live-events .kz-live-type").First).ToHaveTextAsync("イベント");
        await Expect(page.Locator("#live-events .kz-live-type").Filter(new() { HasTextString = "識別" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#live-events .kz-live-type").Filter(new() { HasTextString = "ページ閲覧" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#live-events")).Not.ToContainTextAsync("identify");
        await Expect(page.Locator("#live-events")).Not.ToContainTextAsync("track");

        // A page reached inside the app keeps the language too.
        await page.ClickAsync(".mud-drawer a[href='/customers']");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "顧客" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CustomerName_FirstAndLastNameOfAJapaneseCustomer_FamilyNameFirstAsInTemplates()
    {
        var (workspace, email) = await server.CreateTenantAsync("Names");
        var pipeline = server.Services.GetRequiredService<Kizuna.Ingestion.IngestionPipeline>();
        var now = TimeProvider.System.GetUtcNow();
        await pipeline.SubmitAsync(new Kizuna.Ingestion.IngestBatch(workspace.Id, [new Kizuna.Ingestion.IngestMessage
        {
            Type = Kizuna.Ingestion.MessageType.Identify,
            MessageId = Guid.NewGuid().ToString("N"),
            UserId = "jn-1",
            TraitsJson = """{"firstName":"花子","lastName":"山田","email":"hanako@example.jp"}""",
            Context = new Kizuna.Ingestion.ProfileContext("Asia/Tokyo", "ja-JP", null, null, null),
            Timestamp = now,
            ReceivedAt = now,
        }]), CancellationToken.None);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync("/customers");

        await Expect(page.Locator("#customers-table tbody tr").First).ToContainTextAsync("山田 花子");
        await Expect(page.Locator("#live-events, #customers-table")).Not.ToContainTextAsync("花子 山田");
    }
}
