using Kizuna.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kizuna.Server.Health;

public static class HealthApi
{
    /// <summary>The checks behind <c>/health</c>: the database, the job queue and the change feed.</summary>
    public static IServiceCollection AddKizunaHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobQueueHealthCheck>("jobs")
            .AddCheck<ChangeFeedHealthCheck>("changes");
        return services;
    }

    /// <summary>
    /// <c>GET /health</c>: 200 when every check is healthy or degraded (work waiting longer than it should), 503 when
    /// one is unhealthy (the database does not answer). Each check says what it saw in one line.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", CheckAsync).WithTags("Health").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> CheckAsync(HealthCheckService checks, Database database, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(ct);
        var response = HealthResponse.From(report, database.Kind);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
