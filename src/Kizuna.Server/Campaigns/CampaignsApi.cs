using System.Globalization;
using System.Security.Claims;
using Kizuna.Campaigns;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// Campaigns: drafts (checked for shape, segments and templates when saved), the audience size before sending, launch
/// (refused with the reason when the campaign cannot send), pause, resume, cancel, the A/B winner by hand, test sends,
/// the report (JSON and CSV) and the customers skipped. Reads need <c>campaigns:read</c>, changes <c>campaigns:write</c>.
/// </summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/campaigns").WithTags("Campaigns").RequireScope(Scopes.CampaignsRead);
        group.MapGet("/", ListAsync).WithName("ListCampaigns");
        group.MapPost("/", CreateAsync).WithName("CreateCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/size", SizeAsync).WithName("CampaignAudienceSize");
        group.MapGet("/{id}", GetAsync).WithName("GetCampaign");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/{id}/launch", (long id, ClaimsPrincipal user, CampaignService s, CancellationToken ct) => ChangeAsync(s.LaunchAsync(user.WorkspaceIdOf(), id, ct)))
            .WithName("LaunchCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/{id}/pause", (long id, ClaimsPrincipal user, CampaignService s, CancellationToken ct) => ChangeAsync(s.PauseAsync(user.WorkspaceIdOf(), id, ct)))
            .WithName("PauseCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/{id}/resume", (long id, ClaimsPrincipal user, CampaignService s, CancellationToken ct) => ChangeAsync(s.ResumeAsync(user.WorkspaceIdOf(), id, ct)))
            .WithName("ResumeCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/{id}/cancel", (long id, ClaimsPrincipal user, CampaignService s, CancellationToken ct) => ChangeAsync(s.CancelAsync(user.WorkspaceIdOf(), id, ct)))
            .WithName("CancelCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/{id}/winner", WinnerAsync).WithName("PickCampaignWinner").RequireScope(Scopes.CampaignsWrite);
        group.MapPost("/{id}/test", CampaignReportsApi.TestSendAsync).WithName("TestSendCampaign").RequireScope(Scopes.CampaignsWrite);
        group.MapGet("/{id}/report", CampaignReportsApi.ReportAsync).WithName("CampaignReport");
        group.MapGet("/{id}/report.csv", CampaignReportsApi.ExportAsync).WithName("ExportCampaignReport");
        group.MapGet("/{id}/skipped", CampaignReportsApi.SkippedAsync).WithName("ListCampaignSkipped");
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<CampaignResponse>>> ListAsync(ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CampaignResponse>>([.. (await campaigns.ListAsync(user.WorkspaceIdOf(), ct)).Select(CampaignResponse.From)]);

    internal static async Task<Results<Ok<CampaignResponse>, NotFound>> GetAsync(long id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(user.WorkspaceIdOf(), id, ct) is { } c ? TypedResults.Ok(CampaignResponse.From(c)) : TypedResults.NotFound();

    internal static async Task<Results<Created<CampaignResponse>, ValidationProblem>> CreateAsync(
        CampaignRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        var read = CampaignInputs.Read(request);
        if (read.Draft is not { } draft)
        {
            return RenderInputs.Invalid(read.Field!, read.Error!);
        }

        var result = await campaigns.CreateAsync(user.WorkspaceIdOf(), draft, user.Actor(), ct);
        return result.Status == CampaignResultStatus.Done
            ? TypedResults.Created($"/api/campaigns/{result.Campaign!.Id.ToString(CultureInfo.InvariantCulture)}", CampaignResponse.From(result.Campaign))
            : RenderInputs.Invalid(result.Field!, result.Error!);
    }

    internal static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        long id, CampaignRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        var read = CampaignInputs.Read(request);
        return read.Draft is { } draft
            ? await ChangeAsync(campaigns.UpdateAsync(user.WorkspaceIdOf(), id, draft, ct))
            : RenderInputs.Invalid(read.Field!, read.Error!);
    }

    /// <summary><c>POST /api/campaigns/size</c>: the audience of a definition (saved or not) as it stands now, split as the campaign would split it.</summary>
    internal static async Task<Results<Ok<AudienceSizeResponse>, ValidationProblem>> SizeAsync(
        CampaignRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        var read = CampaignInputs.Read(request with { Name = request.Name ?? "size" });
        if (read.Draft is not { } draft)
        {
            return RenderInputs.Invalid(read.Field!, read.Error!);
        }

        return CampaignValidator.Check(draft.Name, draft.Definition) is { } problem
            ? RenderInputs.Invalid(problem.Field, problem.Error)
            : TypedResults.Ok(AudienceSizeResponse.From(await campaigns.SizeAsync(user.WorkspaceIdOf(), draft.Definition, ct)));
    }

    internal static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult, NotFound>> WinnerAsync(
        long id, CampaignWinnerRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
        request.Variant is not { } variant
            ? RenderInputs.Invalid("variant", "Name the winning variant by its index.")
            : await ChangeAsync(campaigns.PickWinnerAsync(user.WorkspaceIdOf(), id, variant, ct));

    /// <summary>The answer to a change: the campaign, 400 naming the field, 409 for the campaign's state, or 404.</summary>
    internal static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(Task<CampaignResult> change)
    {
        var result = await change;
        return result.Status switch
        {
            CampaignResultStatus.Done => TypedResults.Ok(CampaignResponse.From(result.Campaign!)),
            CampaignResultStatus.Invalid => RenderInputs.Invalid(result.Field!, result.Error!),
            CampaignResultStatus.Conflict => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Campaign state"),
            _ => TypedResults.NotFound(),
        };
    }
}
