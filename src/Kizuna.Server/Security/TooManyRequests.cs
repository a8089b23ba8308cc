using System.Globalization;
using System.Text.Encodings.Web;
using Kizuna.Server.Dashboard.Localization;

namespace Kizuna.Server.Security;

/// <summary>
/// The 429 answer, with <c>Retry-After</c> in whole seconds: problem details for the APIs, a short page with a way
/// back to the form for the dashboard's form posts.
/// </summary>
public sealed class TooManyRequests(TimeSpan? retryAfter) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = retryAfter is { } wait ? Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/v1"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Retry after {seconds} seconds.",
                },
            });
            return;
        }

        var text = AccessText.Current;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>Kizuna</title></head>
            <body><p id="throttled">{HtmlEncoder.Default.Encode(string.Format(CultureInfo.CurrentCulture, text.TooManyAttempts, seconds))}</p>
            <p><a href="/login">{HtmlEncoder.Default.Encode(text.BackToSignIn)}</a></p></body></html>
            """, http.RequestAborted);
    }
}
