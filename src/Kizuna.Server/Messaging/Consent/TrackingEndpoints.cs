using Kizuna.Messaging.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// The open pixel (<c>GET /m/o/{token}</c>: a transparent 1×1 GIF, never cached) and click redirects
/// (<c>GET /m/c/{token}</c>: 302 to the address signed into the token). A token that does not verify answers 404:
/// there is no redirect to anywhere else.
/// </summary>
public static class TrackingEndpoints
{
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/o/{token}", OpenAsync);
        pages.MapGet("/c/{token}", ClickAsync);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> OpenAsync(string token, HttpContext http, EngagementTracker tracker, CancellationToken ct)
    {
        if (!await tracker.OpenedAsync(token, http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress, ct))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store, no-cache, must-revalidate, private";
        return TypedResults.File(Pixel, "image/gif");
    }

    internal static async Task<Results<RedirectHttpResult, NotFound>> ClickAsync(string token, EngagementTracker tracker, CancellationToken ct) =>
        await tracker.ClickedAsync(token, ct) is { } url ? TypedResults.Redirect(url) : TypedResults.NotFound();
}
