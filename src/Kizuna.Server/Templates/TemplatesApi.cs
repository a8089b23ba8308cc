using System.Globalization;
using System.Security.Claims;
using Kizuna.Messaging.Content;
using Kizuna.Server.Security;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Templates;

/// <summary>
/// Templates and content blocks: stored versions (list, create, save a new version, read any version, history),
/// render a stored version, and the editor's validate and preview. Template faults are answers, not HTTP errors; a
/// malformed request is a 400 naming the field. The workspace is always the caller's. The group is mapped behind
/// <c>templates:read</c>; writes also need <c>templates:write</c>.
/// </summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/templates").WithTags("Templates");
        group.MapGet("/", ListAsync).WithName("ListTemplates");
        group.MapPost("/", CreateAsync).WithName("CreateTemplate").RequireScope(Scopes.TemplatesWrite);
        group.MapGet("/{id}", (long id, ClaimsPrincipal user, TemplateStore store, CancellationToken ct) => GetAsync(id, null, user, store, ct))
            .WithName("GetTemplate");
        group.MapPut("/{id}", SaveVersionAsync).WithName("SaveTemplateVersion").RequireScope(Scopes.TemplatesWrite);
        group.MapGet("/{id}/versions", VersionsAsync).WithName("ListTemplateVersions");
        group.MapGet("/{id}/versions/{version}", (long id, int version, ClaimsPrincipal user, TemplateStore store, CancellationToken ct) =>
            GetAsync(id, version, user, store, ct)).WithName("GetTemplateVersion");
        group.MapPost("/{id}/render", RenderAsync).WithName("RenderTemplate");
        group.MapPost("/validate", Validate).WithName("ValidateTemplate");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewTemplate");
        return group;
    }

    internal static async Task<Results<Ok<IReadOnlyList<TemplateSummaryResponse>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, TemplateStore store, CancellationToken ct, string? kind = null)
    {
        TemplateKind? filter = null;
        if (kind is not null)
        {
            if (!TemplateKinds.TryParse(kind, out var parsed))
            {
                return RenderInputs.Invalid("kind", "The kind is 'template' or 'content_block'.");
            }

            filter = parsed;
        }

        var templates = await store.ListAsync(user.WorkspaceIdOf(), filter, ct);
        return TypedResults.Ok<IReadOnlyList<TemplateSummaryResponse>>([.. templates.Select(TemplateSummaryResponse.From)]);
    }

    internal static async Task<Results<Created<TemplateResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTemplateRequest request, ClaimsPrincipal user, TemplateLibrary library, ContentValidator validator, CancellationToken ct)
    {
        var kind = TemplateKind.Template;
        if (request.Kind is not null && !TemplateKinds.TryParse(request.Kind, out kind))
        {
            return RenderInputs.Invalid("kind", "The kind is 'template' or 'content_block'.");
        }

        if (ChannelDrafts.TryDraft(request.Body, request.Subject, request.Description, request.Channel, request.Fields, kind == TemplateKind.ContentBlock, validator, out var draft) is { } invalid)
        {
            return invalid;
        }

        var result = await library.CreateAsync(user.WorkspaceIdOf(), kind, request.Name, draft, AuthorOf(user), ct);
        if (result.Template is { } saved)
        {
            return TypedResults.Created($"/api/templates/{saved.Id.ToString(CultureInfo.InvariantCulture)}", TemplateResponse.From(saved));
        }

        return result.Status == TemplateSaveStatus.Invalid ? InvalidOf(result) : ConflictOf(result);
    }

    internal static async Task<Results<Ok<TemplateResponse>, ValidationProblem, ProblemHttpResult, NotFound>> SaveVersionAsync(
        long id, UpdateTemplateRequest request, ClaimsPrincipal user, TemplateLibrary library, ContentValidator validator, CancellationToken ct)
    {
        if (ChannelDrafts.TryDraft(request.Body, request.Subject, request.Description, request.Channel, request.Fields, isBlock: false, validator, out var draft) is { } invalid)
        {
            return invalid;
        }

        var result = await library.SaveVersionAsync(user.WorkspaceIdOf(), id, draft, request.ExpectedVersion, AuthorOf(user), ct);
        return result.Status switch
        {
            TemplateSaveStatus.Saved => TypedResults.Ok(TemplateResponse.From(result.Template!)),
            TemplateSaveStatus.NotFound => TypedResults.NotFound(),
            TemplateSaveStatus.Invalid => InvalidOf(result),
            _ => ConflictOf(result),
        };
    }

    internal static async Task<Results<Ok<TemplateResponse>, NotFound>> GetAsync(long id, int? version, ClaimsPrincipal user, TemplateStore store, CancellationToken ct) =>
        await store.FindAsync(user.WorkspaceIdOf(), id, version, ct) is { } template
            ? TypedResults.Ok(TemplateResponse.From(template))
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<TemplateVersionResponse>>, NotFound>> VersionsAsync(
        long id, ClaimsPrincipal user, TemplateStore store, CancellationToken ct) =>
        await store.VersionsAsync(user.WorkspaceIdOf(), id, ct) is { } versions
            ? TypedResults.Ok<IReadOnlyList<TemplateVersionResponse>>([.. versions.Select(TemplateVersionResponse.From)])
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<RenderTemplateResponse>, ValidationProblem, NotFound, ProblemHttpResult>> RenderAsync(
        long id, RenderTemplateRequest request, ClaimsPrincipal user, TemplateLibrary library, ITemplateDataSource profiles, CancellationToken ct)
    {
        if (RenderInputs.TryRead(request.ProfileId, request.Data, request.TimeZone, request.Culture, request.Mode, out var options) is { } problem)
        {
            return problem;
        }

        if (RenderInputs.ProfileForbidden(request.ProfileId, user) is { } forbidden)
        {
            return forbidden;
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await RenderInputs.ModelAsync(workspaceId, request.ProfileId, request.Data, profiles, ct) is not { } model
            || await library.RenderAsync(workspaceId, id, request.Version, model, options, ct) is not { } render)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(RenderTemplateResponse.From(render));
    }

    internal static Results<Ok<ValidateTemplateResponse>, ValidationProblem> Validate(ValidateTemplateRequest request, TemplateService templates)
    {
        if (request.Template is null)
        {
            return RenderInputs.Invalid("template", "A template is required.");
        }

        var result = templates.Validate(request.Template);
        return TypedResults.Ok(new ValidateTemplateResponse(result.IsValid, [.. result.Errors.Select(TemplateErrorResponse.From)]));
    }

    internal static async Task<Results<Ok<PreviewTemplateResponse>, ValidationProblem, NotFound, ProblemHttpResult>> PreviewAsync(
        PreviewTemplateRequest request, ClaimsPrincipal user, TemplateService templates, ITemplateDataSource profiles, CancellationToken ct)
    {
        if (request.Template is null)
        {
            return RenderInputs.Invalid("template", "A template is required.");
        }

        if (RenderInputs.TryRead(request.ProfileId, request.Data, request.TimeZone, request.Culture, request.Mode, out var options) is { } problem)
        {
            return problem;
        }

        if (RenderInputs.ProfileForbidden(request.ProfileId, user) is { } forbidden)
        {
            return forbidden;
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await RenderInputs.ModelAsync(workspaceId, request.ProfileId, request.Data, profiles, ct) is not { } model)
        {
            return TypedResults.NotFound();
        }

        var result = await templates.RenderAsync(
            request.Template, model, options with { WorkspaceId = workspaceId.ToString(CultureInfo.InvariantCulture) }, ct);
        return TypedResults.Ok(new PreviewTemplateResponse(result.Output, [.. result.Errors.Select(TemplateErrorResponse.From)], result.AbortReason));
    }

    // Names who saved a version without personal data: the user or key id, never an email.
    private static string AuthorOf(ClaimsPrincipal user) =>
        user.UserIdOf() is { } userId ? $"user:{userId}"
        : user.FindFirstValue(ClaimTypes.Name) is { } name && name.StartsWith("key:", StringComparison.Ordinal) ? name
        : "unknown";

    // Syntax errors are listed one per entry, each with its line and column.
    private static ValidationProblem InvalidOf(TemplateSaveResult result) =>
        RenderInputs.Invalid(result.Field ?? "body", result.Errors is { Count: > 0 } errors ? [.. errors.Select(e => e.ToString())] : [result.Message ?? "Invalid."]);

    private static ProblemHttpResult ConflictOf(TemplateSaveResult result) =>
        TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: result.Status == TemplateSaveStatus.NameTaken ? "Name taken" : "Version conflict");
}
