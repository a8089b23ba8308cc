using System.Globalization;
using System.Security.Claims;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Channels.Email.Catcher;
using Kizuna.Messaging.Content;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Messaging;

/// <summary>
/// Messages: send one transactional email (idempotent by the caller's key), read a message with its history, preview
/// a template as the email a customer would get, and read what the demo's SMTP catcher caught. The workspace is
/// always the caller's.
/// </summary>
public static class MessagesApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messages").WithTags("Messages");
        group.MapPost("/", SendAsync).WithName("SendMessage").RequireScope(Scopes.MessagesSend);
        group.MapGet("/caught", Caught).WithName("ListCaughtMessages").RequireScope(Scopes.MessagesRead);
        group.MapGet("/caught/{channel}", CaughtRequestsApi.List).WithName("ListCaughtRequests").RequireScope(Scopes.MessagesRead);
        group.MapPost("/preview", PreviewAsync).WithName("PreviewEmail").RequireScope(Scopes.TemplatesRead);
        group.MapGet("/{id}", GetAsync).WithName("GetMessage").RequireScope(Scopes.MessagesRead);
        return group;
    }

    /// <summary><c>POST /api/messages</c>: 202 with the queued message, or 200 with the one an earlier call with the same key queued.</summary>
    internal static async Task<Results<Accepted<MessageResponse>, Ok<MessageResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        SendMessageRequest request, ClaimsPrincipal user, MessageService messages, CancellationToken ct,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey = null)
    {
        if (request.TemplateId is not { } templateId)
        {
            return RenderInputs.Invalid("templateId", "templateId is required.");
        }

        if (ToLookup(request.To) is not { } to)
        {
            return RenderInputs.Invalid("to", "Name the recipient by exactly one of to.userId, to.profileId or to.email.");
        }

        if (idempotencyKey is not null && request.IdempotencyKey is not null && idempotencyKey != request.IdempotencyKey)
        {
            return RenderInputs.Invalid("idempotencyKey", $"The {IdempotencyHeader} header and idempotencyKey differ.");
        }

        var result = await messages.SendAsync(user.WorkspaceIdOf(), new TransactionalSend(
            templateId, to, request.Email, request.Data, idempotencyKey ?? request.IdempotencyKey, request.Phone, request.Transactional ?? true, request.SubscriptionGroup), ct);
        if (result.Message is not { } message)
        {
            return result.NotFound
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Error, extensions: new Dictionary<string, object?> { ["field"] = result.Field })
                : RenderInputs.Invalid(result.Field!, result.Error!);
        }

        return result.Created
            ? TypedResults.Accepted($"/api/messages/{message.Id.ToString(CultureInfo.InvariantCulture)}", MessageResponse.From(message))
            : TypedResults.Ok(MessageResponse.From(message));
    }

    /// <summary><c>GET /api/messages/{id}</c>: the message with every state it went through.</summary>
    internal static async Task<Results<Ok<MessageResponse>, NotFound>> GetAsync(long id, ClaimsPrincipal user, MessageService messages, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        return await messages.FindAsync(workspaceId, id, ct) is { } message
            ? TypedResults.Ok(MessageResponse.From(message, await messages.HistoryAsync(workspaceId, id, ct)))
            : TypedResults.NotFound();
    }

    /// <summary><c>POST /api/messages/preview</c>: the email as a customer (or the given data) would get it, with placeholder links.</summary>
    internal static async Task<Results<Ok<EmailPreviewResponse>, ValidationProblem, NotFound, ProblemHttpResult>> PreviewAsync(
        EmailPreviewRequest request, ClaimsPrincipal user, TemplateStore templates, ITemplateDataSource profiles, EmailRenderer renderer, CancellationToken ct)
    {
        if (request.TemplateId is not { } templateId)
        {
            return RenderInputs.Invalid("templateId", "templateId is required.");
        }

        if (RenderInputs.TryRead(request.ProfileId, request.Data, null, null, null, out var options) is { } problem)
        {
            return problem;
        }

        if (RenderInputs.ProfileForbidden(request.ProfileId, user) is { } forbidden)
        {
            return forbidden;
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await templates.FindAsync(workspaceId, templateId, request.Version, ct) is not { } stored
            || MessageTemplate.EmailFrom(stored) is not { } template
            || await RenderInputs.ModelAsync(workspaceId, request.ProfileId, request.Data, profiles, ct) is not { } model)
        {
            return TypedResults.NotFound();
        }

        var rendered = await renderer.RenderAsync(template, model.WithLinks(MessageLinks.Preview), options with { WorkspaceId = workspaceId.ToString(CultureInfo.InvariantCulture), Links = MessageLinks.Preview }, ct);
        var email = rendered.Content as RenderedEmail;
        return TypedResults.Ok(new EmailPreviewResponse(email?.Subject, email?.Html, email?.Text, [.. rendered.Errors.Select(TemplateErrorResponse.From)], rendered.AbortReason));
    }

    /// <summary><c>GET /api/messages/caught</c>: the latest emails of the workspace the demo's catcher received, newest first.</summary>
    internal static Results<Ok<CaughtMessagesResponse>, ValidationProblem> Caught(ClaimsPrincipal user, SmtpCatcher catcher, IOptions<EmailOptions> options, int limit = 50)
    {
        if (PageParameters.Problem(0, limit, 500) is { } problem)
        {
            return problem;
        }

        // Message-IDs name their workspace (kz.<workspace>.<message>@…), so each workspace sees only its own mail.
        var prefix = $"kz.{user.WorkspaceIdOf().ToString(CultureInfo.InvariantCulture)}.";
        var caught = catcher.Caught.Latest(m => m.MessageId?.StartsWith(prefix, StringComparison.Ordinal) == true, limit);
        return TypedResults.Ok(new CaughtMessagesResponse(options.Value.UseCatcher, catcher.Caught.Total, [.. caught.Select(CaughtMessageResponse.From)]));
    }

    private static ProfileLookup? ToLookup(MessageRecipientRequest? to) => to switch
    {
        { UserId: { Length: > 0 } userId, ProfileId: null, Email: null } => new ProfileLookup(ProfileLookupKind.UserId, userId),
        { UserId: null, ProfileId: { } id, Email: null } => new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)),
        { UserId: null, ProfileId: null, Email: { Length: > 0 } email } => new ProfileLookup(ProfileLookupKind.Email, email),
        _ => null,
    };
}
