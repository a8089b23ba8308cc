using System.Net;
using System.Text.RegularExpressions;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Security;

public sealed partial class DashboardSessionTests
{
    private static readonly Uri Profiles = new("/api/profiles", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("removed")]
    [InlineData("made a viewer")]
    public async Task Cookie_MembershipChanged_SignInEndsWithinAMinute(string change)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var user = await host.Services.GetRequiredService<UserService>().CreateAsync("marketer@example.test", "Marketer", "a-long-Passw0rd", Ct);
        await host.Services.GetRequiredService<WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, Role.Marketer, Ct);
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(browser, "marketer@example.test", "a-long-Passw0rd");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Profiles, Ct)).StatusCode);
        if (change == "removed")
        {
            await host.Services.GetRequiredService<WorkspaceService>().RemoveMemberAsync(workspace.Id, user.Id, Ct);
        }
        else
        {
            await host.Services.GetRequiredService<WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, Role.Viewer, Ct);
        }

        var withinTheMinute = (await browser.GetAsync(Profiles, Ct)).StatusCode;
        time.Advance(TimeSpan.FromSeconds(61));
        var afterIt = (await browser.GetAsync(Profiles, Ct)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, withinTheMinute);
        Assert.Equal(HttpStatusCode.Unauthorized, afterIt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(Profiles, Ct)).StatusCode);
    }

    private static async Task SignInAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetStringAsync(new Uri("/login", UriKind.Relative), Ct);
        var token = AntiforgeryField().Match(page).Groups["token"].Value;
        var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
