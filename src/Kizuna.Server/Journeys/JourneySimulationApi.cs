using System.Globalization;
using System.Security.Claims;
using Kizuna.Journeys.Simulation;
using Kizuna.Journeys.Storage;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Journeys;

/// <summary>
/// <c>POST /api/journeys/{id}/simulate</c>: one customer, stored or hypothetical, through a version of the journey
/// under a simulated clock, answering the path and the messages with their rendered text. Nothing is written.
/// </summary>
internal static class JourneySimulationApi
{
    public static async Task<Results<Ok<JourneySimulationResponse>, ValidationProblem, NotFound>> SimulateAsync(
        long id, SimulateJourneyRequest request, ClaimsPrincipal user, JourneyStore journeys, ProfileService profiles, JourneySimulator simulator,
        TimeProvider time, CancellationToken ct)
    {
        var run = await RunAsync(user.WorkspaceIdOf(), id, request, journeys, profiles, simulator, time, ct);
        return run.Field is { } field ? RenderInputs.Invalid(field, run.Message!)
            : run.Simulation is { } simulation ? TypedResults.Ok(JourneySimulationResponse.From(simulation))
            : TypedResults.NotFound();
    }

    /// <summary>The simulation, or the field of the request that does not fit and why, or neither when the journey is not found (the API and the dashboard's simulation page).</summary>
    public static async Task<(JourneySimulation? Simulation, string? Field, string? Message)> RunAsync(
        long workspaceId, long id, SimulateJourneyRequest request, JourneyStore journeys, ProfileService profiles, JourneySimulator simulator,
        TimeProvider time, CancellationToken ct)
    {
        var (input, field, message) = SimulationInputs.Read(workspaceId, id, request, time.GetUtcNow());
        if (input is null)
        {
            return (null, field, message);
        }

        if (await journeys.FindAsync(workspaceId, id, ct) is not { } head)
        {
            return (null, null, null);
        }

        if (input.Version is { } version && version > head.Version)
        {
            return (null, "version", $"The journey's latest version is {head.Version.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (request.ProfileId is not null || request.UserId is not null)
        {
            var lookup = request.ProfileId is { } pid
                ? new ProfileLookup(ProfileLookupKind.Id, pid.ToString(CultureInfo.InvariantCulture))
                : new ProfileLookup(ProfileLookupKind.UserId, request.UserId!);
            if (await profiles.ResolveAsync(workspaceId, lookup, ct) is not { } profileId)
            {
                return (null, request.ProfileId is null ? "userId" : "profileId", "No customer of this workspace has this id.");
            }

            input = input with { ProfileId = profileId };
        }

        return (await simulator.SimulateAsync(input, ct), null, null);
    }
}
