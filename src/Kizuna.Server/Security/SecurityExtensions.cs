using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kizuna.Server.Cli;
using Kizuna.Server.Dashboard;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Security;

public static class SecurityExtensions
{
    public const string Combined = "Kizuna";

    /// <summary>
    /// One scheme that takes a secret key when the request carries an Authorization header and the dashboard's
    /// cookie otherwise; one policy per scope (<c>scope:profiles:read</c>), satisfied by a key carrying the scope or
    /// a user whose role implies it.
    /// </summary>
    public static IServiceCollection AddKizunaSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(Combined)
            .AddPolicyScheme(Combined, "Key or cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.Count > 0 ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "kizuna.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the visitor used HTTPS, including through a trusted proxy that ended TLS (ProxyOptions).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = SessionService.IdleLimit;
                // The API answers with status codes; only pages redirect to the login form.
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = DashboardSessionCheck.OnValidatePrincipal;
            });
        // Secure by default: an endpoint that names no policy still needs a signed-in user or a secret key.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddScopePolicies();
        var dataProtection = services.AddDataProtection().SetApplicationName("kizuna");
        if (KeyCertificate(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>().Configure<Database, TimeProvider>((o, database, time) =>
            o.XmlRepository = new DatabaseXmlRepository(database, time));
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.IsValid(), "Proxies: KnownProxies must be IP addresses, KnownNetworks CIDR networks, ForwardLimit 1-10").ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) => TrustProxies(o, proxies.Value));
        services.AddKizunaRateLimits();
        services.AddSingleton<FirstRunSetup>();
        return services;
    }

    /// <summary>
    /// The certificate that encrypts the cookie keys at rest (<c>Security:KeyCertificate:Path</c>, a PKCS#12 file, and
    /// <c>Security:KeyCertificate:Password</c>); every node of a cluster must be given the same one.
    /// </summary>
    private static X509Certificate2? KeyCertificate(IConfiguration configuration)
    {
        if (configuration["Security:KeyCertificate:Path"] is not { Length: > 0 } path)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Security:KeyCertificate:Password"]);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Security:KeyCertificate:Path names '{path}', which could not be read as a PKCS#12 certificate: {ex.Message}", ex);
        }

        // Without its private key the certificate would encrypt keys that no node can ever read back.
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"Security:KeyCertificate:Path names '{path}', a certificate without its private key.");
    }

    /// <summary>
    /// Forwarded headers first (scheme and client address), then who is calling, then the rate limits (which count
    /// by key, user or address), then what they may do.
    /// </summary>
    public static WebApplication UseKizunaSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseKizunaSecurityHeaders();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static void TrustProxies(ForwardedHeadersOptions options, ProxyOptions proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = proxies.ForwardLimit;
        if (proxies.KnownProxies.Length + proxies.KnownNetworks.Length == 0)
        {
            return;   // the framework's default: loopback only
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    /// <summary>The policy name for one scope.</summary>
    public static string Policy(string scope) => $"scope:{scope}";

    /// <summary>Requires the scope on an endpoint or route group.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(scope));

    private static void AddScopePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        foreach (var scope in Scopes.All)
        {
            builder.AddPolicy(Policy(scope), p => p.RequireAuthenticatedUser().RequireClaim(KizunaClaims.Scope, scope));
        }
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/v1"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
