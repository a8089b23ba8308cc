using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Server;

/// <summary>
/// Errors of the API answer as RFC 9457 problem details. A request the framework cannot bind (a query value that is
/// not a number, a JSON body of the wrong shape) answers 400 naming the parameter and, for a JSON body, the field, in
/// every environment; a database that cannot be reached answers 503 with Retry-After (<see cref="DatabaseUnavailable"/>);
/// anything else that escapes an endpoint answers a bare 500 and is logged (in Development the developer exception
/// page shows it instead).
/// </summary>
public static class ProblemExtensions
{
    public static IServiceCollection AddKizunaProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Binding failures become exceptions the middleware below can describe, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NulFreeStringConverter()));
        return services;
    }

    public static WebApplication UseKizunaProblems(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.Use(BadRequests.ExplainAsync);
        app.Use(DatabaseUnavailable.AnswerAsync);
        return app;
    }

    /// <summary>A client's malformed request is its error, not the server's: answered here, never logged as an error.</summary>
    private static class BadRequests
    {
        public static async Task ExplainAsync(HttpContext http, RequestDelegate next)
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
            {
                await AnswerAsync(http, bad);
            }
        }

        private static async Task AnswerAsync(HttpContext http, BadHttpRequestException bad)
        {
            http.Response.StatusCode = bad.StatusCode;
            if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/v1"))
            {
                // A dashboard form post, most often with an antiforgery token that expired in an open tab: back to the form.
                if (http.Request.Path.StartsWithSegments("/account/login"))
                {
                    http.Response.Redirect("/login?error=expired");
                }

                return;
            }

            var problem = bad.InnerException is JsonException json
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field(json.Path)] = [Reason(json)] })
                : SentNoBody(http.Request)
                    ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["is required: send the request as JSON"] })
                    : new HttpValidationProblemDetails();
            problem.Status = bad.StatusCode;
            problem.Title = "The request could not be read";
            problem.Detail = bad.Message;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = bad });
        }

        private static bool SentNoBody(HttpRequest request) =>
            (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            && (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0));

        /// <summary><c>$.products[0].price</c> → <c>products[0].price</c>, as the other validation errors name fields.</summary>
        private static string Field(string? path) => path switch
        {
            null or "$" => "body",
            _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            _ => path.TrimStart('$'),
        };

        /// <summary>
        /// What is wrong, in the API's words. The reader's own error (malformed JSON) is the inner exception and keeps
        /// its sentence without the position suffix (the field already says where); otherwise the value did not fit
        /// the field, which the serializer says in CLR type names (and for records, the record's), so it is said plainly.
        /// </summary>
        private static string Reason(JsonException json)
        {
            if (json is NulCharacterException)
            {
                return json.Message;
            }

            if (json.InnerException is not JsonException syntax)
            {
                return "has the wrong type or shape for this field";
            }

            var position = syntax.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (position > 0 ? syntax.Message[..position] : syntax.Message).TrimEnd(' ', '|', '.') + ".";
        }
    }

    /// <summary>
    /// Refuses a NUL character in any string of an API body: PostgreSQL cannot store it in text, so a product name or
    /// template holding one would fail its write with a 500 instead of a 400 naming the field.
    /// </summary>
    private sealed class NulFreeStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString()!;
            return text.Contains('\0', StringComparison.Ordinal) ? throw new NulCharacterException() : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class NulCharacterException() : JsonException("must not hold a NUL character (\\u0000)");
}
