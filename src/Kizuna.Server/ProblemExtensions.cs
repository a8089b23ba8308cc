using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server;

/// <summary>
/// Errors answer as RFC 9457 problem details. A request the framework cannot bind (a query value that is not a
/// number, a body of the wrong shape) answers 400 naming the parameter and, for a JSON body, the field; anything
/// else that escapes an endpoint answers a bare 500 and is logged.
/// </summary>
public static class ProblemExtensions
{
    public static IServiceCollection AddKizunaProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures become exceptions the handler below can describe, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseKizunaProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // A client's malformed request is its error, not the server's: no error log for it.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        return app;
    }

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            var problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = bad.Message };
            if (bad.InnerException is JsonException json)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [Field(json.Path)] = [Reason(json)] };
            }

            http.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }

        /// <summary><c>$.products[0].price</c> → <c>products[0].price</c>, as the other validation errors name fields.</summary>
        private static string Field(string? path) => path switch
        {
            null or "$" => "body",
            _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            _ => path.TrimStart('$'),
        };

        /// <summary>
        /// What is wrong, in the API's words: the serializer's sentence names CLR types (and, for constructor-bound
        /// records, the record rather than the field), so a type mismatch is said plainly; a syntax error keeps the
        /// parser's sentence without its position suffix (the field already says where).
        /// </summary>
        private static string Reason(JsonException json)
        {
            var message = json.Message;
            if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            {
                return "has the wrong type or shape for this field";
            }

            var position = message.IndexOf(" Path:", StringComparison.Ordinal);
            return position > 0 ? message[..position] : message;
        }
    }
}
