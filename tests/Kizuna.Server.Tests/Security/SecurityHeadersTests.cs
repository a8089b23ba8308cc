using System.Net;

namespace Kizuna.Server.Security;

public sealed class SecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/login")]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/users")]
    [InlineData("/invitations/accept?token=nonsense")]
    [InlineData("/no-such-page")]
    public async Task Page_AnyAnswer_CarriesTheBrowserSecurityHeaders(string path)
    {
        await using var app = new KizunaApplication();
        var browser = await DashboardForms.SignedInAsync(app);

        var response = await browser.GetAsync(new Uri(path, UriKind.Relative), Ct);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task SignedOutPage_Redirect_CarriesTheHeadersToo()
    {
        await using var app = new KizunaApplication();

        var response = await DashboardForms.Browser(app).GetAsync(new Uri("/customers", UriKind.Relative), Ct);

        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Api_Answer_IsNotSniffedAndSendsNoReferrer()
    {
        await using var app = new KizunaApplication();

        var response = await app.CreateClient().GetAsync(new Uri("/api/profiles", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
