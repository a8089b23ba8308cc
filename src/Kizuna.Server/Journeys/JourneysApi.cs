using System.Globalization;
using System.Security.Claims;
using Kizuna.Journeys;
using Kizuna.Journeys.Library;
using Kizuna.Journeys.Storage;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Journeys;

/// <summary>
/// Journeys: drafts and new versions (refused with every reason, naming field and node), validation alone, the
/// ready-made journeys, launch, pause, resume, archive, API-triggered entries, entries with their paths, per-node
/// counts and simulations. Reads need <c>journeys:read</c>, changes <c>journeys:write</c>.
/// </summary>
public static class JourneysApi
{
    public static IEndpointRouteBuilder MapJourneysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/journeys").WithTags("Journeys").RequireScope(Scopes.JourneysRead);
        group.MapGet("/", ListAsync).WithName("ListJourneys");
        group.MapPost("/", CreateAsync).WithName("CreateJourney").RequireScope(Scopes.JourneysWrite);
        group.MapPost("/validate", ValidateAsync).WithName("ValidateJourney");
        group.MapGet("/templates", () => TypedResults.Ok<IReadOnlyList<ReadyJourneyResponse>>([.. ReadyJourneys.All.Select(ReadyJourneyResponse.From)]))
            .WithName("ListReadyJourneys");
        group.MapPost("/templates/{key}", StartAsync).WithName("StartReadyJourney").RequireScope(Scopes.JourneysWrite);
        group.MapGet("/{id}", GetAsync).WithName("GetJourney");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateJourney").RequireScope(Scopes.JourneysWrite);
        group.MapGet("/{id}/versions", JourneyReadsApi.VersionsAsync).WithName("ListJourneyVersions");
        group.MapGet("/{id}/versions/{version}", JourneyReadsApi.VersionAsync).WithName("GetJourneyVersion");
        group.MapPost("/{id}/launch", (long id, ClaimsPrincipal user, JourneyService s, JourneyStore store, CancellationToken ct) => ChangeAsync(s.LaunchAsync(user.WorkspaceIdOf(), id, ct), store, ct))
            .WithName("LaunchJourney").RequireScope(Scopes.JourneysWrite);
        group.MapPost("/{id}/pause", (long id, ClaimsPrincipal user, JourneyService s, JourneyStore store, CancellationToken ct) => ChangeAsync(s.PauseAsync(user.WorkspaceIdOf(), id, ct), store, ct))
            .WithName("PauseJourney").RequireScope(Scopes.JourneysWrite);
        group.MapPost("/{id}/resume", (long id, ClaimsPrincipal user, JourneyService s, JourneyStore store, CancellationToken ct) => ChangeAsync(s.ResumeAsync(user.WorkspaceIdOf(), id, ct), store, ct))
            .WithName("ResumeJourney").RequireScope(Scopes.JourneysWrite);
        group.MapPost("/{id}/archive", (long id, ClaimsPrincipal user, JourneyService s, JourneyStore store, CancellationToken ct) => ChangeAsync(s.ArchiveAsync(user.WorkspaceIdOf(), id, ct), store, ct))
            .WithName("ArchiveJourney").RequireScope(Scopes.JourneysWrite);
        group.MapPost("/{id}/entries", JourneyReadsApi.EnterAsync).WithName("EnterJourney").RequireScope(Scopes.JourneysWrite);
        group.MapGet("/{id}/entries", JourneyReadsApi.EntriesAsync).WithName("ListJourneyEntries");
        group.MapGet("/{id}/counts", JourneyReadsApi.CountsAsync).WithName("JourneyNodeCounts");
        group.MapGet("/{id}/paths", JourneyPathsApi.PathsAsync).WithName("JourneyPaths");
        group.MapPost("/{id}/simulate", JourneySimulationApi.SimulateAsync).WithName("SimulateJourney");
        routes.MapGet("/api/profiles/{id}/journeys", JourneyReadsApi.ProfileEntriesAsync).WithTags("Journeys").WithName("ListProfileJourneyEntries")
            .RequireScope(Scopes.ProfilesRead).RequireScope(Scopes.JourneysRead);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<JourneyResponse>>> ListAsync(ClaimsPrincipal user, JourneyStore store, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var answers = new List<JourneyResponse>();
        foreach (var journey in await store.ListAsync(workspaceId, ct))
        {
            answers.Add(JourneyResponse.From(journey, (await store.VersionAsync(workspaceId, journey.Id, journey.Version, ct))!.Definition));
        }

        return TypedResults.Ok<IReadOnlyList<JourneyResponse>>(answers);
    }

    internal static async Task<Results<Ok<JourneyResponse>, NotFound>> GetAsync(long id, ClaimsPrincipal user, JourneyStore store, CancellationToken ct) =>
        await Answer(user.WorkspaceIdOf(), id, store, ct) is { } answer ? TypedResults.Ok(answer) : TypedResults.NotFound();

    internal static async Task<Results<Created<JourneyResponse>, ValidationProblem>> CreateAsync(
        JourneyRequest request, ClaimsPrincipal user, JourneyService journeys, JourneyStore store, CancellationToken ct)
    {
        var read = JourneyInputs.Read(request);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var result = await journeys.CreateAsync(user.WorkspaceIdOf(), request.Name ?? "", read.Definition!, user.Actor(), ct);
        return result.Journey is { } j
            ? TypedResults.Created($"/api/journeys/{j.Id.ToString(CultureInfo.InvariantCulture)}", (await Answer(j.WorkspaceId, j.Id, store, ct))!)
            : JourneyInputs.Invalid(result.Errors);
    }

    internal static async Task<Results<Ok<JourneyResponse>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        long id, JourneyRequest request, ClaimsPrincipal user, JourneyService journeys, JourneyStore store, CancellationToken ct)
    {
        var read = JourneyInputs.Read(request);
        return read.Problem is { } problem
            ? problem
            : await ChangeAsync(journeys.UpdateAsync(user.WorkspaceIdOf(), id, request.Name ?? "", read.Definition!, user.Actor(), ct), store, ct);
    }

    internal static async Task<Results<Ok<JourneyValidationResponse>, ValidationProblem>> ValidateAsync(
        JourneyRequest request, ClaimsPrincipal user, JourneyService journeys, CancellationToken ct)
    {
        var read = JourneyInputs.Read(request with { Name = request.Name ?? "validate" });
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var errors = await journeys.ValidateAsync(user.WorkspaceIdOf(), request.Name ?? "validate", read.Definition, ct);
        return TypedResults.Ok(new JourneyValidationResponse(errors.Count == 0, [.. errors.Select(JourneyErrorResponse.From)]));
    }

    internal static async Task<Results<Created<JourneyResponse>, ValidationProblem, NotFound>> StartAsync(
        string key, StartJourneyRequest? request, ClaimsPrincipal user, JourneyLibrary library, JourneyStore store, CancellationToken ct)
    {
        if (await library.StartAsync(user.WorkspaceIdOf(), key, request?.Name, user.Actor(), ct) is not { } result)
        {
            return TypedResults.NotFound();
        }

        return result.Journey is { } j
            ? TypedResults.Created($"/api/journeys/{j.Id.ToString(CultureInfo.InvariantCulture)}", (await Answer(j.WorkspaceId, j.Id, store, ct))!)
            : JourneyInputs.Invalid(result.Errors);
    }

    /// <summary>The answer to a change: the journey, 400 naming every field, 409 for the journey's state, or 404.</summary>
    internal static async Task<Results<Ok<JourneyResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(
        Task<JourneySaveResult> change, JourneyStore store, CancellationToken ct)
    {
        var result = await change;
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Journey state");
        }

        return result.Journey is { } j ? TypedResults.Ok((await Answer(j.WorkspaceId, j.Id, store, ct))!) : JourneyInputs.Invalid(result.Errors);
    }

    private static async Task<JourneyResponse?> Answer(long workspaceId, long id, JourneyStore store, CancellationToken ct) =>
        await store.FindAsync(workspaceId, id, ct) is { } journey && await store.VersionAsync(workspaceId, id, journey.Version, ct) is { } version
            ? JourneyResponse.From(journey, version.Definition)
            : null;
}
