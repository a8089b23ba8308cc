using System.Globalization;
using System.Security.Claims;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging;

/// <summary>
/// A profile's push devices: register a token (an app that does not send identify's <c>context.device.token</c>, or
/// one bringing a retired token back), and list them with when and why each was retired.
/// </summary>
public static class PushDevicesApi
{
    public static RouteGroupBuilder MapPushDevicesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/profiles/{id}/devices").WithTags("Messages");
        group.MapGet("/", ListAsync).WithName("ListPushDevices").RequireScope(Scopes.ProfilesRead);
        group.MapPost("/", RegisterAsync).WithName("RegisterPushDevice").RequireScope(Scopes.ProfilesWrite);
        return group;
    }

    internal static async Task<Results<Ok<IReadOnlyList<PushDeviceResponse>>, NotFound>> ListAsync(
        long id, ClaimsPrincipal user, ProfileService profiles, DeviceStore devices, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (await ProfileOfAsync(workspaceId, id, profiles, ct) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<PushDeviceResponse>>([.. (await devices.ListAsync(workspaceId, id, ct)).Select(PushDeviceResponse.From)]);
    }

    internal static async Task<Results<Ok<IReadOnlyList<PushDeviceResponse>>, ValidationProblem, NotFound>> RegisterAsync(
        long id, RegisterPushDeviceRequest request, ClaimsPrincipal user, ProfileService profiles, DeviceStore devices, CancellationToken ct)
    {
        if (request.Token is not { Length: > 0 and <= DeviceStore.MaxTokenLength } token || token.Any(char.IsControl))
        {
            return RenderInputs.Invalid("token", $"token is 1 to {DeviceStore.MaxTokenLength} printable characters.");
        }

        if (request.Platform is { Length: > 32 })
        {
            return RenderInputs.Invalid("platform", "platform is at most 32 characters (ios, android, web, …).");
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await ProfileOfAsync(workspaceId, id, profiles, ct) is null)
        {
            return TypedResults.NotFound();
        }

        await devices.RegisterAsync(workspaceId, id, token, request.Platform, revive: true, ct);
        return TypedResults.Ok<IReadOnlyList<PushDeviceResponse>>([.. (await devices.ListAsync(workspaceId, id, ct)).Select(PushDeviceResponse.From)]);
    }

    private static Task<ProfileDetail?> ProfileOfAsync(long workspaceId, long id, ProfileService profiles, CancellationToken ct) =>
        profiles.FindAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), ct);
}
