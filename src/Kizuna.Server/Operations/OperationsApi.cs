using Kizuna.Server.Security;
using Kizuna.Work;
using Kizuna.Work.Jobs;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Operations;

public static class OperationsApi
{
    /// <summary>The background work of the cluster: queue depths, feed consumer lag, and the dead jobs of the caller's workspace.</summary>
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/operations").WithTags("Operations");
        group.MapGet("/", ReadAsync).RequireScope(Scopes.OperationsRead);
        group.MapGet("/dead-jobs", DeadAsync).RequireScope(Scopes.OperationsRead);
        group.MapPost("/dead-jobs/{id}/retry", RetryAsync).RequireScope(Scopes.OperationsManage);
        return routes;
    }

    /// <summary>
    /// <c>GET /api/operations</c>: every queue (due, running, scheduled and dead jobs, how long the oldest due job has
    /// waited) and every change-feed consumer (the node running it, changes behind, lag). Counts cover every workspace.
    /// </summary>
    private static async Task<Ok<OperationsResponse>> ReadAsync(WorkStatus status, CancellationToken ct) =>
        TypedResults.Ok(OperationsResponse.From(await status.ReadAsync(ct)));

    /// <summary><c>GET /api/operations/dead-jobs</c>: the workspace's jobs that failed their last attempt, the latest first, with the error.</summary>
    private static async Task<Results<Ok<IReadOnlyList<DeadJobResponse>>, ValidationProblem>> DeadAsync(
        HttpContext context, JobQueue jobs, CancellationToken ct, string? queue = null, int limit = 50) =>
        PageParameters.Problem(0, limit, 500) is { } problem ? problem
            : TypedResults.Ok<IReadOnlyList<DeadJobResponse>>([.. (await jobs.DeadAsync(queue, context.User.WorkspaceIdOf(), limit, ct)).Select(DeadJobResponse.From)]);

    /// <summary><c>POST /api/operations/dead-jobs/{id}/retry</c>: puts a dead job of the workspace back in its queue, due now, attempts reset.</summary>
    private static async Task<Results<NoContent, NotFound>> RetryAsync(long id, HttpContext context, JobQueue jobs, CancellationToken ct) =>
        await jobs.RetryDeadAsync(id, context.User.WorkspaceIdOf(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
