using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class ApiKeysTests(DashboardServer server)
{
    [Fact]
    public async Task ApiKeys_CreateSecretKey_ShownOnceThenRevokedAndRefused()
    {
        var (_, email) = await server.CreateTenantAsync("Keys");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-keys");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys" })).ToBeVisibleAsync();

        await page.FillAsync("#key-name", "CRM sync");
        await page.ClickAsync("#key-kind-secret");
        await page.Locator("[data-scope='profiles:read']").ClickAsync();
        await page.ClickAsync("#create-key");

        await Expect(page.Locator("#new-key-once")).ToContainTextAsync("you will not see it again");
        var secret = await page.Locator("#new-key-secret").InnerTextAsync();
        Assert.StartsWith("kzs_", secret, StringComparison.Ordinal);
        var row = page.Locator("#keys-table tbody tr").Filter(new() { HasText = "CRM sync" });
        await Expect(row).ToContainTextAsync(secret[..10]);
        await Expect(row).ToContainTextAsync("profiles:read");
        await page.ScreenshotAsync("keys");
        Assert.Equal(HttpStatusCode.OK, await ProfilesStatusAsync(secret));

        await page.ClickAsync("#key-done");
        await Expect(page.Locator("#new-key")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Active");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await row.Locator(".kz-revoke").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.Locator(".kz-revoke")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfilesStatusAsync(secret));
    }

    [Fact]
    public async Task ApiKeys_WriteKey_CarriesNoScopesAndIsShownOnce()
    {
        var (_, email) = await server.CreateTenantAsync("Write keys");
        var page = await server.NewPageAsync(locale: "ja-JP");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/keys");

        await page.FillAsync("#key-name", "ウェブサイト");
        await page.ClickAsync("#key-kind-write");
        await Expect(page.Locator("#key-scopes")).ToHaveCountAsync(0);
        await page.ClickAsync("#create-key");

        await Expect(page.Locator("#new-key-once")).ToContainTextAsync("再び表示されることはありません");
        var secret = await page.Locator("#new-key-secret").InnerTextAsync();
        Assert.StartsWith("kzw_", secret, StringComparison.Ordinal);
        await Expect(page.Locator("#keys-table tbody tr").Filter(new() { HasText = "ウェブサイト" })).ToContainTextAsync("トラッキングのみ");
    }

    private async Task<HttpStatusCode> ProfilesStatusAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/profiles");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
