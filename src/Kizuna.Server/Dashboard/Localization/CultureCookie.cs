using Microsoft.AspNetCore.Localization;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// Keeps a language chosen with <c>?culture=</c> in the culture cookie. The page's live connection is a request of
/// its own without that query, so without the cookie it would start in the default language and the page would
/// switch back once it connects.
/// </summary>
public static class CultureCookie
{
    public static void Append(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.ToLowerInvariant())),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps });

    /// <summary>Writes the cookie when a request names a supported language the cookie does not hold yet.</summary>
    public static IApplicationBuilder UseCultureFromQueryKept(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var culture = http.Request.Query["culture"].ToString();
        if (DashboardCultures.IsSupported(culture)
            && http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is var current
            && (current is null || CookieRequestCultureProvider.ParseCookieValue(current)?.UICultures.FirstOrDefault().Value?.Equals(culture, StringComparison.OrdinalIgnoreCase) != true))
        {
            Append(http.Response, culture);
        }

        return next(http);
    });
}
