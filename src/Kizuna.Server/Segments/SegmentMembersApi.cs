using System.Globalization;
using System.Security.Claims;
using Kizuna.Segments;
using Kizuna.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Segments;

/// <summary>The member side of the segments API: pages of members, the CSV export, the size history and a profile's memberships.</summary>
public static class SegmentMembersApi
{
    public const int MaxHistoryDays = 731;

    internal static async Task<Results<Ok<SegmentMembersResponse>, ValidationProblem, NotFound>> PageAsync(
        long id, ClaimsPrincipal user, SegmentService segments, CancellationToken ct, long after = 0, int limit = 100)
    {
        if (PageParameters.Problem(0, limit) is { } problem)
        {
            return problem;
        }

        if (after < 0)
        {
            return SegmentProblems.Field("after", "must be 0 or more");
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await segments.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var page = await segments.MembersAsync(workspaceId, id, after, limit, ct);
        return TypedResults.Ok(new SegmentMembersResponse(
            [.. page.Select(SegmentMemberResponse.From)], page.Count == limit ? page[^1].ProfileId : null));
    }

    /// <summary>Every member as CSV (profile id, user id, email, entered at), read a page at a time however large the segment.</summary>
    internal static async Task<Results<EmptyHttpResult, NotFound>> ExportAsync(
        long id, HttpContext http, SegmentService segments, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = http.User.WorkspaceIdOf();
        if (await segments.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var day = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"segment-{id.ToString(CultureInfo.InvariantCulture)}-{day}.csv\"";
        await SegmentCsv.WriteAsync(http.Response.Body, segments.AllMembersAsync(workspaceId, id, ct), ct);
        return TypedResults.Empty;
    }

    /// <summary>The size at the end of each UTC day from <c>from</c> to <c>to</c> (default: the last 30 days), with the day's entries and exits.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<SegmentSizeResponse>>, ValidationProblem, NotFound>> SizesAsync(
        long id, ClaimsPrincipal user, SegmentService segments, TimeProvider time, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        if (to is { Year: < 1970 } || from is { Year: < 1970 })
        {
            return SegmentProblems.Field(to is { Year: < 1970 } ? "to" : "from", "must be 1970-01-01 or later");
        }

        var last = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = from ?? last.AddDays(-29);
        if (first > last)
        {
            return SegmentProblems.Field("from", "must not be after 'to'");
        }

        if (last.DayNumber - first.DayNumber >= MaxHistoryDays)
        {
            return SegmentProblems.Field("from", $"at most {MaxHistoryDays} days can be read at once");
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await segments.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var points = await segments.SizeHistoryAsync(workspaceId, id, first, last, ct);
        return TypedResults.Ok<IReadOnlyList<SegmentSizeResponse>>([.. points.Select(SegmentSizeResponse.From)]);
    }

    internal static async Task<Ok<IReadOnlyList<ProfileSegmentResponse>>> ProfileSegmentsAsync(
        long id, ClaimsPrincipal user, SegmentService segments, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ProfileSegmentResponse>>(
            [.. (await segments.ProfileSegmentsAsync(user.WorkspaceIdOf(), id, ct)).Select(ProfileSegmentResponse.From)]);
}
