using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Kizuna.Server;

/// <summary>
/// A database that cannot be reached is a passing condition, not a fault in the request: the admin and tracking APIs
/// answer 503 with <c>Retry-After</c> (as documented), so clients retry instead of giving up on a 500. Nothing was
/// stored by a request that failed this way.
/// </summary>
public static partial class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    public static async Task AnswerAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (IsUnavailable(ex) && !http.Response.HasStarted
            && (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/v1")))
        {
            LogUnavailable(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailable)), http.Request.Path, ex.Message);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Database unavailable", Detail = "Nothing was changed; retry the request later." },
            });
        }
    }

    /// <summary>Whether the exception, or one it wraps, says the database cannot be reached or used for now.</summary>
    public static bool IsUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                // Cannot open the file, disk I/O error, read-only or full disk, busy or locked past the timeout, no permission, not a database.
                case SqliteException sqlite when sqlite.SqliteErrorCode is 3 or 5 or 6 or 8 or 10 or 13 or 14 or 26:
                // Npgsql marks refused and broken connections, timeouts and server shutdowns as transient.
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable; {Path} answered 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);
}
