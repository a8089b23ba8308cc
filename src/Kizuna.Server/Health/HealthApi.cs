using Kizuna.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Health;

public static class HealthApi
{
    /// <summary><c>GET /health</c>: 200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", CheckAsync).WithTags("Health").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(Database database, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct);
            return TypedResults.Ok(new HealthReport("healthy", database.Kind.ToString().ToLowerInvariant()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Json(new HealthReport("unhealthy", database.Kind.ToString().ToLowerInvariant()), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The health of this node and the store it uses.</summary>
    public sealed record HealthReport(string Status, string Store);
}
