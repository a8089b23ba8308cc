using System.Net;
namespace Kizuna.Server.Security;

public sealed class SignOutTests
{
    private static readonly Uri Keys = new("/api/keys", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task SignOut_SavedCookie_NoLongerReachesTheApi(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var browser = await DashboardForms.SignedInAsync(app);
        var saved = await SavedCookieAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await Replay(app, saved).GetAsync(Keys, Ct)).StatusCode);

        var signOut = await DashboardForms.PostAsync(browser, "/", "/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(app, saved).GetAsync(Keys, Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutFormToken_Returns400AndKeepsTheSignIn()
    {
        await using var app = new KizunaApplication();
        var browser = await DashboardForms.SignedInAsync(app);

        // What a hostile page can send: the browser attaches the cookie, but the page cannot read a token.
        var forged = await browser.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Keys, Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_OneOfTwoSignIns_LeavesTheOtherSignedIn()
    {
        await using var app = new KizunaApplication();
        var email = await DashboardForms.MemberAsync(app.Services);
        var laptop = await DashboardForms.SignedInAsync(app, email);
        var phone = await DashboardForms.SignedInAsync(app, email);

        await DashboardForms.PostAsync(laptop, "/", "/logout", []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync(Keys, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(Keys, Ct)).StatusCode);
    }

    // The client's cookie container is private to it; the cookie it sends is read back from a request instead.
    private static async Task<string> SavedCookieAsync(HttpClient browser)
    {
        var response = await browser.GetAsync(Keys, Ct);
        return response.RequestMessage!.Headers.GetValues("Cookie").Single();
    }

    private static HttpClient Replay(KizunaApplication app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
