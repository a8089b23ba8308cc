using System.Globalization;
using System.Security.Claims;
using Kizuna.Messaging;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>POST /api/templates/{id}/test</c>: sends one version of a template to a chosen profile or address now, marked as
/// a test (source <c>test</c>): transactional, so consent, quiet hours, the control group and frequency caps let it
/// through and never count it; no <c>Sent</c> event and no tracking. The suppression list still holds.
/// </summary>
public static class TestSendApi
{
    public static RouteHandlerBuilder MapTestSendApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/templates/{id}/test", SendAsync).WithTags("Templates").WithName("TestSendTemplate")
            .RequireScope(Scopes.TemplatesRead).RequireScope(Scopes.MessagesSend);

    internal static async Task<Results<Accepted<MessageResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        long id, TestSendRequest request, ClaimsPrincipal user, MessageService messages, CancellationToken ct)
    {
        if (request.Version is < 1)
        {
            return RenderInputs.Invalid("version", "version is 1 or more.");
        }

        ProfileLookup? to = request.To switch
        {
            { UserId: { Length: > 0 } userId, ProfileId: null, Email: null } => new ProfileLookup(ProfileLookupKind.UserId, userId),
            { UserId: null, ProfileId: { } profileId, Email: null } => new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(CultureInfo.InvariantCulture)),
            { UserId: null, ProfileId: null, Email: { Length: > 0 } email } => new ProfileLookup(ProfileLookupKind.Email, email),
            _ => null,
        };
        if (to is null)
        {
            return RenderInputs.Invalid("to", "Name the recipient by exactly one of to.userId, to.profileId or to.email.");
        }

        var result = await messages.SendAsync(user.WorkspaceIdOf(), new TransactionalSend(
            id, to, request.Email, request.Data, Phone: request.Phone, Version: request.Version, Source: MessageSources.Test), ct);
        if (result.Message is not { } message)
        {
            return result.NotFound
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Error, extensions: new Dictionary<string, object?> { ["field"] = result.Field })
                : RenderInputs.Invalid(result.Field!, result.Error!);
        }

        return TypedResults.Accepted($"/api/messages/{message.Id.ToString(CultureInfo.InvariantCulture)}", MessageResponse.From(message));
    }
}
