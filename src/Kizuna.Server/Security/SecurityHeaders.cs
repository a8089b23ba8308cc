namespace Kizuna.Server.Security;

/// <summary>
/// Headers on every response that a browser may render. The pages (dashboard, sign-in, invitations, and the portal
/// to come) run only this site's own scripts: Blazor's and MudBlazor's files and <c>dashboard.js</c>, no inline
/// script or handler; MudBlazor sets inline styles, so styles may be inline. No other site may frame a page, and
/// no URL (an invitation link carries its token) is sent as a referrer to another site.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseKizunaSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (IsPage(http.Request.Path))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XFrameOptions = "DENY";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    // The APIs answer JSON to programs; the API reference page (/scalar) loads its viewer from a CDN by design; an
    // email's web view (/m/view) shows the email's own images under a sandboxing policy of its own.
    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/m/view") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/v1") && !path.StartsWithSegments("/openapi")
        && !path.StartsWithSegments("/scalar") && !path.StartsWithSegments("/health");
}
