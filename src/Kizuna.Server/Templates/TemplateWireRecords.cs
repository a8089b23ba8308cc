using System.Text.Json;
using System.Text.Json.Serialization;
using Kizuna.Templates;

namespace Kizuna.Server.Templates;

/// <summary>Body of <c>POST /api/templates/validate</c>.</summary>
public sealed record ValidateTemplateRequest(string? Template);

/// <summary>
/// Body of <c>POST /api/templates/preview</c>: the template and either a profile id or JSON data. The workspace is
/// always the caller's.
/// </summary>
public sealed record PreviewTemplateRequest(
    string? Template,
    [property: JsonConverter(typeof(ProfileIdJsonConverter))] string? ProfileId = null,
    JsonElement? Data = null,
    string? TimeZone = null,
    string? Culture = null,
    string? Mode = null);

/// <summary>One template error as the editor shows it.</summary>
public sealed record TemplateErrorResponse(string Kind, string Message, int Line, int Column)
{
    public static TemplateErrorResponse From(TemplateError error) =>
        new(error.Kind.ToString(), error.Message, error.Line, error.Column);
}

/// <summary>Answer of <c>validate</c>.</summary>
public sealed record ValidateTemplateResponse(bool Valid, IReadOnlyList<TemplateErrorResponse> Errors);

/// <summary>Answer of <c>preview</c>: the output, or the errors, or why the template aborted the message.</summary>
public sealed record PreviewTemplateResponse(string? Output, IReadOnlyList<TemplateErrorResponse> Errors, string? AbortReason);
