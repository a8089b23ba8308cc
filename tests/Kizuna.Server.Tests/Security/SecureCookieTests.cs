using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Server.Security;

/// <summary>Through a real socket, so the forwarded headers come from a real client address (loopback).</summary>
public sealed class SecureCookieTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "https", true)]          // loopback proxy that ended TLS: trusted by default
    [InlineData(null, null, false)]            // plain HTTP, no proxy
    [InlineData("10.0.0.7", "https", false)]   // only 10.0.0.7 is a proxy: loopback's header is not believed
    [InlineData("127.0.0.1", "https", true)]
    public async Task SignIn_ForwardedProto_CookieSecureOnlyFromATrustedProxy(string? knownProxy, string? forwardedProto, bool secure)
    {
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b =>
        {
            if (knownProxy is not null)
            {
                b.UseSetting("Proxies:KnownProxies:0", knownProxy);
            }
        });
        host.UseKestrel(0);
        host.StartServer();
        var email = await DashboardForms.MemberAsync(host.Services);
        var address = new Uri(host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
        // Cookies are carried by hand: a client's cookie jar would hold back Secure cookies on a plain-HTTP hop.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var browser = new HttpClient(handler) { BaseAddress = address };
        if (forwardedProto is not null)
        {
            browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        var login = await browser.GetAsync(new Uri("/login", UriKind.Relative), Ct);
        var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = DashboardForms.Token(await login.Content.ReadAsStringAsync(Ct)),
                ["email"] = email,
                ["password"] = DashboardForms.Password,
                ["returnUrl"] = "/",
            }),
        };
        form.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var response = await browser.SendAsync(form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kizuna.auth=", StringComparison.Ordinal));
        Assert.Equal(secure, auth.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }
}
