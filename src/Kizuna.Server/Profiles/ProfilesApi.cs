using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Kizuna.Profiles;
using Kizuna.Server.Commerce;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Profiles;

public static class ProfilesApi
{
    /// <summary>Customer profiles: lookup by any id or email, search, timeline, orders, refunds, GDPR export and erasure.</summary>
    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/profiles").WithTags("Profiles");
        group.MapGet("/", SearchAsync).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}", (long id, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct) =>
            GetAsync(new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), user, profiles, ct)).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/by-user/{userId}", (string userId, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct) =>
            GetAsync(new ProfileLookup(ProfileLookupKind.UserId, userId), user, profiles, ct)).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/by-anonymous/{anonymousId}", (string anonymousId, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct) =>
            GetAsync(new ProfileLookup(ProfileLookupKind.AnonymousId, anonymousId), user, profiles, ct)).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/by-email/{email}", (string email, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct) =>
            GetAsync(new ProfileLookup(ProfileLookupKind.Email, email), user, profiles, ct)).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}/events", TimelineAsync).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}/orders", OrdersAsync).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}/refunds", RefundsAsync).RequireScope(Scopes.ProfilesRead);
        group.MapGet("/{id}/export", ExportAsync).RequireScope(Scopes.ProfilesRead);
        group.MapDelete("/{id}", EraseAsync).RequireScope(Scopes.ProfilesDelete);
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<ProfileSummaryResponse>>, ValidationProblem>> SearchAsync(
        ClaimsPrincipal user, ProfileService profiles, CancellationToken ct, string? q = null, string? trait = null, int offset = 0, int limit = 50)
    {
        string? key = null, value = null;
        if (trait is not null)
        {
            if (trait.Split(':', 2) is not [{ Length: > 0 } k, var v])
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["trait"] = ["must be key:value, e.g. trait=plan:gold"] });
            }

            (key, value) = (k, v);
        }

        if (PageParameters.Problem(offset, limit) is { } pageProblem)
        {
            return pageProblem;
        }

        var page = await profiles.SearchAsync(user.WorkspaceIdOf(), new ProfileQuery(q, key, value, offset, limit), ct);
        return TypedResults.Ok(new PageResponse<ProfileSummaryResponse>([.. page.Items.Select(ProfileSummaryResponse.From)], page.Total));
    }

    private static async Task<Results<Ok<ProfileResponse>, NotFound>> GetAsync(ProfileLookup lookup, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct) =>
        await profiles.FindAsync(user.WorkspaceIdOf(), lookup, ct) is { } detail
            ? TypedResults.Ok(ProfileResponse.From(detail))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<TimelineEventResponse>>, NotFound, ValidationProblem>> TimelineAsync(
        long id, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct, string? before = null, int limit = 50)
    {
        if (PageParameters.Problem(0, limit) is { } pageProblem)
        {
            return pageProblem;
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), ct) is not { } profileId)
        {
            return TypedResults.NotFound();
        }

        try
        {
            return TypedResults.Ok((await profiles.TimelineAsync(workspaceId, profileId, before, limit, ct)).Select(TimelineEventResponse.From).ToList());
        }
        catch (FormatException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = [ex.Message] });
        }
    }

    private static async Task<Results<Ok<List<OrderResponse>>, NotFound>> OrdersAsync(long id, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        return await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), ct) is { } profileId
            ? TypedResults.Ok((await profiles.OrdersAsync(workspaceId, profileId, ct)).Select(OrderResponse.From).ToList())
            : TypedResults.NotFound();
    }

    /// <summary>The customer's refunds and cancellations, newest first, including those that matched no order.</summary>
    private static async Task<Results<Ok<RefundResponse[]>, NotFound>> RefundsAsync(long id, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        return await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), ct) is { } profileId
            ? TypedResults.Ok((await profiles.RefundsAsync(workspaceId, profileId, ct)).Select(RefundResponse.From).ToArray())
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> ExportAsync(long id, ClaimsPrincipal user, PrivacyService privacy, CancellationToken ct) =>
        await privacy.ExportAsync(user.WorkspaceIdOf(), id, ct) is { } export ? TypedResults.Ok(export) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> EraseAsync(long id, ClaimsPrincipal user, PrivacyService privacy, CancellationToken ct, bool suppress = false) =>
        await privacy.EraseAsync(user.WorkspaceIdOf(), id, suppress, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
