using System.Globalization;
using System.Security.Claims;
using Kizuna.Segments;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Segments;

/// <summary>
/// Segments: definitions with their versions (every save a new one, followed by a full recompute), archive, validate
/// and preview of unsaved definitions, recompute on demand, members (cursor-paged and as CSV), the daily size
/// history, and a profile's memberships. An invalid definition is a 400 naming each wrong node's path (and for the
/// text form its line and column); nothing invalid is stored. Reads need <c>segments:read</c>, writes also
/// <c>segments:write</c>, and what lists members (their user ids and addresses) also <c>profiles:read</c>.
/// </summary>
public static class SegmentsApi
{
    public static IEndpointRouteBuilder MapSegmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/segments").WithTags("Segments").RequireScope(Scopes.SegmentsRead);
        group.MapGet("/", ListAsync).WithName("ListSegments");
        group.MapPost("/", CreateAsync).WithName("CreateSegment").RequireScope(Scopes.SegmentsWrite);
        group.MapGet("/{id}", GetAsync).WithName("GetSegment");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateSegment").RequireScope(Scopes.SegmentsWrite);
        group.MapDelete("/{id}", ArchiveAsync).WithName("ArchiveSegment").RequireScope(Scopes.SegmentsWrite);
        group.MapGet("/{id}/versions", VersionsAsync).WithName("ListSegmentVersions");
        group.MapPost("/{id}/restore", RestoreAsync).WithName("RestoreSegment").RequireScope(Scopes.SegmentsWrite);
        group.MapPost("/{id}/recompute", RecomputeAsync).WithName("RecomputeSegment").RequireScope(Scopes.SegmentsWrite);
        group.MapGet("/{id}/members", SegmentMembersApi.PageAsync).WithName("ListSegmentMembers").RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}/members.csv", SegmentMembersApi.ExportAsync).WithName("ExportSegmentMembers").RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}/sizes", SegmentMembersApi.SizesAsync).WithName("SegmentSizeHistory");
        group.MapPost("/validate", ValidateAsync).WithName("ValidateSegment");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewSegment").RequireScope(Scopes.ProfilesRead);
        routes.MapGet("/api/profiles/{id}/segments", SegmentMembersApi.ProfileSegmentsAsync)
            .WithTags("Segments").WithName("ListProfileSegments").RequireScope(Scopes.ProfilesRead).RequireScope(Scopes.SegmentsRead);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<SegmentResponse>>> ListAsync(
        ClaimsPrincipal user, SegmentService segments, SegmentEngine engine, CancellationToken ct, bool archived = false) =>
        TypedResults.Ok<IReadOnlyList<SegmentResponse>>(
            [.. (await segments.ListAsync(user.WorkspaceIdOf(), archived, ct)).Select(s => SegmentResponse.From(s, engine))]);

    internal static async Task<Results<Created<SegmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SaveSegmentRequest request, ClaimsPrincipal user, SegmentService segments, SegmentEngine engine, CancellationToken ct)
    {
        var result = await segments.CreateAsync(user.WorkspaceIdOf(), DraftOf(request), user.Actor(), ct);
        return result.Segment is { } saved
            ? TypedResults.Created($"/api/segments/{saved.Id.ToString(CultureInfo.InvariantCulture)}", SegmentResponse.From(saved, engine))
            : result.Status == SegmentSaveStatus.Invalid ? SegmentProblems.Invalid(result.Problems!, request.Text is not null) : SegmentProblems.Conflict(result);
    }

    internal static async Task<Results<Ok<SegmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        long id, SaveSegmentRequest request, ClaimsPrincipal user, SegmentService segments, SegmentEngine engine, CancellationToken ct)
    {
        var result = await segments.UpdateAsync(user.WorkspaceIdOf(), id, DraftOf(request), request.ExpectedVersion, user.Actor(), ct);
        return result.Status switch
        {
            SegmentSaveStatus.Saved => TypedResults.Ok(SegmentResponse.From(result.Segment!, engine)),
            SegmentSaveStatus.NotFound => TypedResults.NotFound(),
            SegmentSaveStatus.Invalid => SegmentProblems.Invalid(result.Problems!, request.Text is not null),
            _ => SegmentProblems.Conflict(result),
        };
    }

    internal static async Task<Results<Ok<SegmentResponse>, NotFound>> GetAsync(
        long id, ClaimsPrincipal user, SegmentService segments, SegmentEngine engine, CancellationToken ct) =>
        await segments.FindAsync(user.WorkspaceIdOf(), id, ct) is { } segment ? TypedResults.Ok(SegmentResponse.From(segment, engine)) : TypedResults.NotFound();

    internal static async Task<Results<NoContent, NotFound>> ArchiveAsync(long id, ClaimsPrincipal user, SegmentService segments, CancellationToken ct) =>
        await segments.ArchiveAsync(user.WorkspaceIdOf(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Makes an archived segment active again; its members are computed afresh. 404 unless it is archived.</summary>
    internal static async Task<Results<Ok<SegmentResponse>, NotFound>> RestoreAsync(
        long id, ClaimsPrincipal user, SegmentService segments, SegmentEngine engine, CancellationToken ct) =>
        await segments.RestoreAsync(user.WorkspaceIdOf(), id, ct) is { } segment
            ? TypedResults.Ok(SegmentResponse.From(segment, engine))
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<SegmentVersionResponse>>, NotFound>> VersionsAsync(
        long id, ClaimsPrincipal user, SegmentService segments, CancellationToken ct) =>
        await segments.VersionsAsync(user.WorkspaceIdOf(), id, ct) is { } versions
            ? TypedResults.Ok<IReadOnlyList<SegmentVersionResponse>>([.. versions.Select(SegmentVersionResponse.From)])
            : TypedResults.NotFound();

    internal static async Task<Results<Accepted<RecomputeSegmentResponse>, NotFound>> RecomputeAsync(
        long id, ClaimsPrincipal user, SegmentService segments, CancellationToken ct) =>
        await segments.RecomputeAsync(user.WorkspaceIdOf(), id, ct) is { } job
            ? TypedResults.Accepted($"/api/segments/{id.ToString(CultureInfo.InvariantCulture)}", new RecomputeSegmentResponse(job))
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<ValidateSegmentResponse>, ValidationProblem>> ValidateAsync(
        SegmentDefinitionRequest request, ClaimsPrincipal user, SegmentService segments, CancellationToken ct)
    {
        if (SegmentProblems.OneForm(request.Definition, request.Text) is { } refused)
        {
            return refused;
        }

        var check = await segments.CheckAsync(user.WorkspaceIdOf(), null, request.Definition?.GetRawText(), request.Text, ct);
        return TypedResults.Ok(new ValidateSegmentResponse(
            check.IsValid, check.Json is { } json && check.IsValid ? System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() : null,
            check.IsValid ? check.Text : null, [.. check.Problems.Select(SegmentProblemResponse.From)]));
    }

    internal static async Task<Results<Ok<PreviewSegmentResponse>, ValidationProblem>> PreviewAsync(
        SegmentDefinitionRequest request, ClaimsPrincipal user, SegmentService segments, TimeProvider time, CancellationToken ct)
    {
        if (SegmentProblems.OneForm(request.Definition, request.Text) is { } refused)
        {
            return refused;
        }

        if (request.SampleSize is < 0 or > 100)
        {
            return SegmentProblems.Field("sampleSize", "must be between 0 and 100");
        }

        var started = time.GetTimestamp();
        var (check, preview) = await segments.PreviewAsync(user.WorkspaceIdOf(), request.Definition?.GetRawText(), request.Text, request.SampleSize ?? 20, ct);
        return preview is null
            ? SegmentProblems.Invalid(check.Problems, request.Text is not null)
            : TypedResults.Ok(new PreviewSegmentResponse(
                preview.Size, [.. preview.Sample.Select(SampleProfileResponse.From)], time.GetElapsedTime(started).TotalMilliseconds));
    }

    private static SegmentDraft DraftOf(SaveSegmentRequest request) =>
        new(request.Name, request.Description, request.Definition?.GetRawText(), request.Text);
}
