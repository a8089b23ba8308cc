using System.Globalization;
using System.Security.Claims;
using Kizuna.Campaigns;
using Kizuna.Server.Messaging;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Campaigns;

/// <summary>The campaign endpoints that read results (report, CSV, skipped customers) and send tests.</summary>
public static class CampaignReportsApi
{
    public const int MaxSkipped = 1_000;

    internal static async Task<Results<Ok<CampaignReportResponse>, NotFound>> ReportAsync(long id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
        await campaigns.ReportAsync(user.WorkspaceIdOf(), id, ct) is { } report ? TypedResults.Ok(CampaignReportResponse.From(report)) : TypedResults.NotFound();

    internal static async Task<Results<EmptyHttpResult, NotFound>> ExportAsync(long id, HttpContext http, CampaignService campaigns, CancellationToken ct)
    {
        if (await campaigns.ReportAsync(http.User.WorkspaceIdOf(), id, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        var day = report.GeneratedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{id.ToString(CultureInfo.InvariantCulture)}-{day}.csv\"";
        await CampaignCsv.WriteAsync(http.Response.Body, report, ct);
        return TypedResults.Empty;
    }

    internal static async Task<Results<Ok<IReadOnlyList<SkippedRecipientResponse>>, NotFound>> SkippedAsync(
        long id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct, int limit = 100)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (await campaigns.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var skipped = await campaigns.SkippedAsync(workspaceId, id, Math.Clamp(limit, 1, MaxSkipped), ct);
        return TypedResults.Ok<IReadOnlyList<SkippedRecipientResponse>>([.. skipped.Select(s => new SkippedRecipientResponse(s.ProfileId, s.Run, s.Reason))]);
    }

    /// <summary><c>POST /api/campaigns/{id}/test</c>: each variant (or the one named) to each profile, as a test send that is never tracked or counted.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<MessageResponse>>, ValidationProblem, NotFound>> TestSendAsync(
        long id, CampaignTestSendRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        if (request.ProfileIds is not { Count: > 0 and <= CampaignService.MaxTestProfiles } profileIds)
        {
            return RenderInputs.Invalid("profileIds", $"Name 1 to {CampaignService.MaxTestProfiles} profiles to send the test to.");
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await campaigns.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        if (request.Variant is { } v && (v < 0 || v >= campaign.Definition.Variants.Count))
        {
            return RenderInputs.Invalid("variant", $"The campaign has variants 0 to {campaign.Definition.Variants.Count - 1}.");
        }

        var results = (await campaigns.TestSendAsync(workspaceId, id, profileIds, request.Variant, ct))!;
        if (results.FirstOrDefault(r => r.Message is null) is { } refused)
        {
            return RenderInputs.Invalid(refused.Field == "to" ? "profileIds" : refused.Field ?? "profileIds", refused.Error ?? "The test could not be sent.");
        }

        return TypedResults.Ok<IReadOnlyList<MessageResponse>>([.. results.Select(r => MessageResponse.From(r.Message!))]);
    }
}
