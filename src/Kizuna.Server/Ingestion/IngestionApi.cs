using Kizuna.Ingestion;

namespace Kizuna.Server.Ingestion;

public static class IngestionApi
{
    public const string CorsPolicy = "ingestion";

    private static readonly Dictionary<string, MessageType?> Paths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["identify"] = MessageType.Identify,
        ["i"] = MessageType.Identify,
        ["track"] = MessageType.Track,
        ["t"] = MessageType.Track,
        ["page"] = MessageType.Page,
        ["p"] = MessageType.Page,
        ["screen"] = MessageType.Screen,
        ["s"] = MessageType.Screen,
        ["group"] = MessageType.Group,
        ["g"] = MessageType.Group,
        ["alias"] = MessageType.Alias,
        ["a"] = MessageType.Alias,
        ["batch"] = null,
        ["b"] = null,
        ["import"] = null,
    };

    public static IServiceCollection AddKizunaIngestionApi(this IServiceCollection services)
    {
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("POST")));
        services.AddSingleton<IngestionEndpoint>();
        return services;
    }

    /// <summary>
    /// The Segment tracking API: <c>POST /v1/identify|track|page|screen|group|alias|batch</c> and the analytics.js
    /// short paths (<c>/v1/i</c>, <c>/v1/t</c>, …). Authenticated by the write key (HTTP Basic user name, or
    /// <c>writeKey</c> in the body), gzip accepted; answered only after the messages are committed.
    /// </summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Ingestion").RequireCors(CorsPolicy).AllowAnonymous();
        foreach (var (path, type) in Paths)
        {
            var endpoint = group.MapPost($"/{path}", (HttpContext http, IngestionEndpoint handler) => handler.HandleAsync(http, type))
                .WithName($"ingest-{path}")
                .Produces<IngestResponse>()
                .Produces<IngestResponse>(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
            if (path.Length == 1 || path == "import")
            {
                endpoint.ExcludeFromDescription();
            }
        }

        return routes;
    }
}
