using System.Security.Claims;
using Kizuna.Journeys;
using Kizuna.Journeys.Storage;
using Kizuna.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Journeys;

/// <summary>A journey's split paths with their conversions and the uplift of each path over its split's control path.</summary>
public static class JourneyPathsApi
{
    public static async Task<Results<Ok<IReadOnlyList<PathResponse>>, NotFound>> PathsAsync(long id, ClaimsPrincipal user, JourneyStore journeys, EntryStore entries, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (await journeys.FindAsync(workspaceId, id, ct) is not { } journey
            || await journeys.VersionAsync(workspaceId, id, journey.LiveVersion ?? journey.Version, ct) is not { } version)
        {
            return TypedResults.NotFound();
        }

        var counts = await entries.PathCountsAsync(workspaceId, id, ct);
        var uplifts = JourneyUplift.Of(version.Definition, counts);
        var controls = version.Definition.Nodes.SelectMany(n => (n.Paths ?? []).Where(p => p.Control).Select(p => (n.Id, p.Name))).ToHashSet();
        return TypedResults.Ok<IReadOnlyList<PathResponse>>([.. counts.Select(c => new PathResponse(
            c.Node, c.Path, controls.Contains((c.Node, c.Path)), c.Entries, c.Converted, c.Entries > 0 ? (double)c.Converted / c.Entries : 0,
            uplifts.FirstOrDefault(u => u.Node == c.Node && u.Comparison.Variant == c.Path) is { } u ? PathUpliftResponse.From(u) : null))]);
    }
}
