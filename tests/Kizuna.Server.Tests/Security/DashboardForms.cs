using System.Net;
using System.Text.RegularExpressions;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Security;

/// <summary>A browser's way through the dashboard's forms: read the page for its antiforgery token, then post.</summary>
public static partial class DashboardForms
{
    public const string Password = "a-long-Passw0rd-for-tests";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser tab would be observed.</summary>
    public static HttpClient Browser<T>(WebApplicationFactory<T> app) where T : class =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A new workspace with a new user of <paramref name="role"/>, signed in on a new browser (not the first-run
    /// admin, whom the host creates in the background after start).
    /// </summary>
    public static async Task<HttpClient> SignedInAsync<T>(WebApplicationFactory<T> app, Role role = Role.Admin) where T : class =>
        await SignedInAsync(app, await MemberAsync(app.Services, role));

    public static async Task<HttpClient> SignedInAsync<T>(WebApplicationFactory<T> app, string email) where T : class
    {
        var browser = Browser(app);
        var response = await SignInAsync(browser, email, Password);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return browser;
    }

    /// <summary>A new user with <see cref="Password"/>, member of a new workspace with <paramref name="role"/>; their email.</summary>
    public static async Task<string> MemberAsync(IServiceProvider services, Role role = Role.Admin)
    {
        var workspace = await services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var user = await services.GetRequiredService<UserService>().CreateAsync(email, role.ToString(), Password, Ct);
        await services.GetRequiredService<WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, role, Ct);
        return email;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        await PostAsync(browser, "/login", "/account/login", new() { ["email"] = email, ["password"] = password, ["returnUrl"] = "/" });

    /// <summary>Reads <paramref name="page"/> for a form token and posts <paramref name="fields"/> with it to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var token = await TokenAsync(browser, page);
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
    }

    public static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var response = await browser.GetAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Token(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The form token in a page's HTML.</summary>
    public static string Token(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "the page has no form token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
