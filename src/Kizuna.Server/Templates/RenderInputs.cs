using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Kizuna.Server.Security;
using Kizuna.Templates;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeZoneConverter;

namespace Kizuna.Server.Templates;

/// <summary>Reads what preview and render share: the data (a profile or JSON), time zone, culture and mode.</summary>
internal static class RenderInputs
{
    /// <summary>The render options, or the 400 naming the field at fault.</summary>
    public static ValidationProblem? TryRead(
        string? profileId, JsonElement? data, string? timeZone, string? culture, string? mode, out TemplateRenderOptions options)
    {
        options = TemplateRenderOptions.Default;
        if (profileId is not null && data is not null)
        {
            return Invalid("profileId", "Give either a profile id or data, not both.");
        }

        TimeZoneInfo? zone = null;
        if (timeZone is not null && !TZConvert.TryGetTimeZoneInfo(timeZone, out zone))
        {
            return Invalid("timeZone", $"'{timeZone}' is not a known time zone.");
        }

        CultureInfo? cultureInfo;
        try
        {
            cultureInfo = culture is null ? null : CultureInfo.GetCultureInfo(culture, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return Invalid("culture", $"'{culture}' is not a known culture.");
        }

        var renderMode = TemplateMode.Lax;
        if (mode is not null && !EnumNames.TryParse(mode, out renderMode))
        {
            return Invalid("mode", "The mode is 'lax' or 'strict'.");
        }

        options = new TemplateRenderOptions { TimeZone = zone, Culture = cultureInfo, Mode = renderMode };
        return null;
    }

    /// <summary>The model of the profile (null when the workspace has none of that id) or of the given data.</summary>
    public static async ValueTask<TemplateModel?> ModelAsync(
        long workspaceId, string? profileId, JsonElement? data, ITemplateDataSource profiles, CancellationToken ct) =>
        profileId is not null
            ? await profiles.GetModelAsync(workspaceId.ToString(CultureInfo.InvariantCulture), profileId, ct)
            : data is { } json ? TemplateModel.FromJson(json) : TemplateModel.Empty;

    /// <summary>Rendering for a stored customer reads their profile, so it takes <c>profiles:read</c> besides the template scope.</summary>
    public static ProblemHttpResult? ProfileForbidden(string? profileId, ClaimsPrincipal user) =>
        profileId is not null && !user.HasScope(Scopes.ProfilesRead)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Rendering for a customer (profileId) reads their profile: it needs the profiles:read scope.")
            : null;

    public static ValidationProblem Invalid(string field, params string[] messages) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = messages });
}
