using Kizuna.Messaging.WebView;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>GET /m/view/{token}</c>: the email behind a message's signed <c>{{ web_view_url }}</c>, open without signing in
/// (the token is the key and names one message). The page runs no script and loads nothing but images and styles
/// (a sandboxing Content-Security-Policy), is never cached, and an altered token answers 404 naming nobody.
/// </summary>
public static class WebViewPage
{
    private const string Policy = "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; img-src * data:; style-src 'unsafe-inline' *; font-src * data:; frame-ancestors 'none'";

    public static RouteHandlerBuilder MapWebViewPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/m/view/{token}", ShowAsync).AllowAnonymous().ExcludeFromDescription();

    internal static async Task<ContentHttpResult> ShowAsync(string token, HttpContext http, WebViews views, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        http.Response.Headers.ContentSecurityPolicy = Policy;
        return await views.RenderAsync(token, ct) is { } email
            ? TypedResults.Content(email.Html, "text/html; charset=utf-8", System.Text.Encoding.UTF8)
            : TypedResults.Content(
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>Kizuna</title></head><body><p>This message is no longer available. このメッセージは表示できません。</p></body></html>",
                "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
    }
}
