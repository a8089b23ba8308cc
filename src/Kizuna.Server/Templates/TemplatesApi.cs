using System.Globalization;
using Kizuna.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeZoneConverter;

namespace Kizuna.Server.Templates;

/// <summary>
/// The template editor's endpoints: validate (errors with line and column) and preview (render for given JSON data
/// or a profile id). Template faults are answers, not HTTP errors; a malformed request is a 400 naming the field.
/// </summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/templates").WithTags("Templates");
        group.MapPost("/validate", Validate).WithName("ValidateTemplate");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewTemplate");
        return group;
    }

    internal static Results<Ok<ValidateTemplateResponse>, ValidationProblem> Validate(ValidateTemplateRequest request, TemplateService templates)
    {
        if (request.Template is null)
        {
            return Invalid("template", "A template is required.");
        }

        var result = templates.Validate(request.Template);
        return TypedResults.Ok(new ValidateTemplateResponse(result.IsValid, [.. result.Errors.Select(TemplateErrorResponse.From)]));
    }

    internal static async Task<Results<Ok<PreviewTemplateResponse>, ValidationProblem, NotFound>> PreviewAsync(
        PreviewTemplateRequest request,
        TemplateService templates,
        IServiceProvider services,
        CancellationToken ct)
    {
        if (request.Template is null)
        {
            return Invalid("template", "A template is required.");
        }

        if (request.ProfileId is not null && request.Data is not null)
        {
            return Invalid("profileId", "Give either a profile id or data, not both.");
        }

        TimeZoneInfo? zone = null;
        if (request.TimeZone is not null && !TZConvert.TryGetTimeZoneInfo(request.TimeZone, out zone))
        {
            return Invalid("timeZone", $"'{request.TimeZone}' is not a known time zone.");
        }

        CultureInfo? culture;
        try
        {
            culture = request.Culture is null ? null : CultureInfo.GetCultureInfo(request.Culture, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return Invalid("culture", $"'{request.Culture}' is not a known culture.");
        }

        var mode = TemplateMode.Lax;
        if (request.Mode is not null && !Enum.TryParse(request.Mode, ignoreCase: true, out mode))
        {
            return Invalid("mode", "The mode is 'lax' or 'strict'.");
        }

        var workspaceId = request.WorkspaceId ?? string.Empty;
        TemplateModel model;
        if (request.ProfileId is not null)
        {
            if (services.GetService<ITemplateDataSource>() is not { } profiles)
            {
                return Invalid("profileId", "Preview by profile is not available on this server; send data instead.");
            }

            if (await profiles.GetModelAsync(workspaceId, request.ProfileId, ct) is not { } profileModel)
            {
                return TypedResults.NotFound();
            }

            model = profileModel;
        }
        else
        {
            model = request.Data is { } data ? TemplateModel.FromJson(data) : TemplateModel.Empty;
        }

        var options = new TemplateRenderOptions { WorkspaceId = workspaceId, TimeZone = zone, Culture = culture, Mode = mode };
        var result = await templates.RenderAsync(request.Template, model, options, ct);
        return TypedResults.Ok(new PreviewTemplateResponse(result.Output, [.. result.Errors.Select(TemplateErrorResponse.From)], result.AbortReason));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
