using System.Security.Claims;
using Kizuna.Journeys;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Storage;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Journeys;

/// <summary>A journey's versions, entries with their paths, per-node counts, a customer's entries, and API-triggered entries.</summary>
internal static class JourneyReadsApi
{
    public const int MaxPage = 200;

    public static async Task<Results<Ok<IReadOnlyList<JourneyVersionResponse>>, NotFound>> VersionsAsync(long id, ClaimsPrincipal user, JourneyStore store, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(user.WorkspaceIdOf(), id, ct);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok<IReadOnlyList<JourneyVersionResponse>>([.. versions.Select(JourneyVersionResponse.From)]);
    }

    public static async Task<Results<Ok<JourneyVersionResponse>, NotFound>> VersionAsync(long id, int version, ClaimsPrincipal user, JourneyStore store, CancellationToken ct) =>
        await store.VersionAsync(user.WorkspaceIdOf(), id, version, ct) is { } v ? TypedResults.Ok(JourneyVersionResponse.From(v)) : TypedResults.NotFound();

    public static async Task<Results<Ok<JourneyEntriesResponse>, ValidationProblem, NotFound>> EntriesAsync(
        long id, string? state, long? before, int? limit, ClaimsPrincipal user, JourneyStore journeys, EntryStore entries, CancellationToken ct)
    {
        if (state is not (null or JourneyEntry.Active or JourneyEntry.Waiting or JourneyEntry.Completed or JourneyEntry.Exited))
        {
            return RenderInputs.Invalid("state", "The state is active, waiting, completed or exited.");
        }

        if (limit is < 1 or > MaxPage)
        {
            return RenderInputs.Invalid("limit", $"The limit is 1 to {MaxPage}.");
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await journeys.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var size = limit ?? 50;
        var page = await entries.OfJourneyAsync(workspaceId, id, state, before, size, ct);
        var steps = await entries.StepsAsync(workspaceId, [.. page.Select(e => e.Id)], ct);
        return TypedResults.Ok(new JourneyEntriesResponse(
            [.. page.Select(e => JourneyEntryResponse.From(e, steps[e.Id]))], page.Count == size ? page[^1].Id : null));
    }

    public static async Task<Results<Ok<IReadOnlyList<NodeCountResponse>>, NotFound>> CountsAsync(long id, ClaimsPrincipal user, JourneyStore journeys, EntryStore entries, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (await journeys.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var counts = await entries.NodeCountsAsync(workspaceId, id, ct);
        return TypedResults.Ok<IReadOnlyList<NodeCountResponse>>([.. counts.Select(c => new NodeCountResponse(c.Node, c.Entered, c.Waiting, c.Passed, c.Converted))]);
    }

    public static async Task<Ok<IReadOnlyList<JourneyEntryResponse>>> ProfileEntriesAsync(long id, ClaimsPrincipal user, EntryStore entries, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var list = await entries.OfProfileAsync(workspaceId, id, MaxPage, ct);
        var steps = await entries.StepsAsync(workspaceId, [.. list.Select(e => e.Id)], ct);
        return TypedResults.Ok<IReadOnlyList<JourneyEntryResponse>>([.. list.Select(e => JourneyEntryResponse.From(e, steps[e.Id]))]);
    }

    public static async Task<Results<Created<JourneyEntryResponse>, Ok<JourneyEntryResponse>, ValidationProblem, ProblemHttpResult, NotFound>> EnterAsync(
        long id, JourneyEntryRequest request, ClaimsPrincipal user, JourneyStore journeys, ProfileService profiles, JourneyApiEntries api, EntryStore entries, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if ((request.ProfileId is null) == string.IsNullOrEmpty(request.UserId))
        {
            return RenderInputs.Invalid("profileId", "Name the customer by profileId or userId (one of them).");
        }

        if (request.Key is { Length: > 200 })
        {
            return RenderInputs.Invalid("key", "The key is at most 200 characters.");
        }

        if (request.Data?.ToJsonString() is { Length: > 64 * 1024 })
        {
            return RenderInputs.Invalid("data", "The data is at most 64 KiB of JSON.");
        }

        if (await journeys.FindAsync(workspaceId, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var lookup = request.ProfileId is { } pid
            ? new ProfileLookup(ProfileLookupKind.Id, pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : new ProfileLookup(ProfileLookupKind.UserId, request.UserId!);
        if (await profiles.ResolveAsync(workspaceId, lookup, ct) is not { } profileId)
        {
            return RenderInputs.Invalid(request.ProfileId is null ? "userId" : "profileId", "No customer of this workspace has this id.");
        }

        var result = await api.EnterAsync(workspaceId, id, profileId, request.Data?.ToJsonString(), request.Key ?? Guid.NewGuid().ToString("N"), ct);
        if (result.Entry is not { } entry)
        {
            return TypedResults.Problem(result.Refusal, statusCode: StatusCodes.Status409Conflict, title: "Journey entry");
        }

        var answer = JourneyEntryResponse.From(entry, (await entries.StepsAsync(workspaceId, [entry.Id], ct))[entry.Id]);
        return result.Created
            ? TypedResults.Created($"/api/journeys/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/entries/{entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", answer)
            : TypedResults.Ok(answer);
    }
}
