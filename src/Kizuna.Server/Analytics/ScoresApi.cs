using System.Security.Claims;
using Kizuna.Analytics.Scores;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Analytics;

public static class ScoresApi
{
    /// <summary>Per-customer scores (RFM, predicted CLV, P(alive), churn risk): a customer's, the RFM grid, the CLV distribution, and a refresh.</summary>
    public static IEndpointRouteBuilder MapScoresApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analytics/scores").WithTags("Analytics");
        group.MapGet("/customers/{id}", CustomerAsync).RequireScope(Scopes.AnalyticsRead);
        group.MapGet("/rfm", async (ClaimsPrincipal user, ScoreReader scores, CancellationToken ct) =>
            TypedResults.Ok(RfmGridResponse.From(await scores.SummaryAsync(user.WorkspaceIdOf(), ct)))).RequireScope(Scopes.AnalyticsRead);
        group.MapGet("/clv", async (ClaimsPrincipal user, ScoreReader scores, CancellationToken ct) =>
            TypedResults.Ok(ClvDistributionResponse.From(await scores.SummaryAsync(user.WorkspaceIdOf(), ct)))).RequireScope(Scopes.AnalyticsRead);
        group.MapPost("/refresh", RefreshAsync).RequireScope(Scopes.AnalyticsManage);
        return routes;
    }

    /// <summary><c>GET /api/analytics/scores/customers/{id}</c>: the customer's scores (nulls before they were scored); 404 for no such profile.</summary>
    private static async Task<Results<Ok<CustomerScoresResponse>, NotFound>> CustomerAsync(long id, ClaimsPrincipal user, ScoreReader scores, CancellationToken ct) =>
        await scores.ForCustomerAsync(user.WorkspaceIdOf(), id, ct) is { } found ? TypedResults.Ok(CustomerScoresResponse.From(found)) : TypedResults.NotFound();

    /// <summary>
    /// <c>POST /api/analytics/scores/refresh</c>: queues a refresh of the workspace's scores; 202 with the job. Requests
    /// within the same short window share one job, which runs at the window's end.
    /// </summary>
    private static async Task<Accepted<ScoreRefreshResponse>> RefreshAsync(ClaimsPrincipal user, ScoreRefreshQueue queue, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, ScoreRefreshResponse.From(await queue.RequestAsync(user.WorkspaceIdOf(), "request", ct)));
}
