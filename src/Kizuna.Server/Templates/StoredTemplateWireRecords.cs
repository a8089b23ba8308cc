using System.Text.Json;
using System.Text.Json.Serialization;
using Kizuna.Templates;
using Kizuna.Templates.Store;

namespace Kizuna.Server.Templates;

/// <summary>
/// Body of <c>POST /api/templates</c>: kind <c>template</c> (default) or <c>content_block</c>, a name and the Liquid;
/// for a message template of another channel than email, its <c>channel</c> (<c>sms</c>, <c>push</c>, <c>webhook</c>)
/// and that channel's <c>fields</c>.
/// </summary>
public sealed record CreateTemplateRequest(string? Name, string? Body, string? Kind = null, string? Subject = null, string? Description = null, string? Channel = null, JsonElement? Fields = null);

/// <summary>
/// Body of <c>PUT /api/templates/{id}</c>: the new version. With <c>expectedVersion</c> the save is refused (409) when
/// someone saved another version since.
/// </summary>
public sealed record UpdateTemplateRequest(string? Body, string? Subject = null, string? Description = null, int? ExpectedVersion = null, string? Channel = null, JsonElement? Fields = null);

/// <summary>One version of a template or content block, with its body; a message template's channel and its fields.</summary>
public sealed record TemplateResponse(
    long Id, string Kind, string Name, int Version, int CurrentVersion, string? Subject, string? Description, string Body,
    DateTimeOffset CreatedAt, string CreatedBy, string? Channel = null, JsonElement? Fields = null)
{
    public static TemplateResponse From(StoredTemplate t) =>
        new(t.Id, TemplateKinds.Name(t.Kind), t.Name, t.Version, t.CurrentVersion, t.Subject, t.Description, t.Body, t.CreatedAt, t.CreatedBy,
            t.Kind == TemplateKind.Template ? t.Channel ?? "email" : null,
            t.ChannelFields is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null);
}

/// <summary>A template in <c>GET /api/templates</c>: its current version without the body.</summary>
public sealed record TemplateSummaryResponse(
    long Id, string Kind, string Name, int Version, string? Subject, string? Description,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static TemplateSummaryResponse From(TemplateSummary t) =>
        new(t.Id, TemplateKinds.Name(t.Kind), t.Name, t.Version, t.Subject, t.Description, t.CreatedAt, t.UpdatedAt, t.UpdatedBy);
}

/// <summary>One entry of <c>GET /api/templates/{id}/versions</c>, newest first.</summary>
public sealed record TemplateVersionResponse(int Version, string? Description, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static TemplateVersionResponse From(TemplateVersionInfo v) => new(v.Version, v.Description, v.CreatedAt, v.CreatedBy);
}

/// <summary>
/// Body of <c>POST /api/templates/{id}/render</c>: a profile id of the caller's workspace or JSON data, and
/// optionally an older <c>version</c>, a time zone, a culture and the mode (<c>lax</c> or <c>strict</c>).
/// </summary>
public sealed record RenderTemplateRequest(
    [property: JsonConverter(typeof(ProfileIdJsonConverter))] string? ProfileId = null,
    JsonElement? Data = null,
    int? Version = null,
    string? TimeZone = null,
    string? Culture = null,
    string? Mode = null);

/// <summary>Answer of <c>render</c>: the subject and body, or the errors, or why the template aborted the message.</summary>
public sealed record RenderTemplateResponse(
    long Id, int Version, string? Subject, string? Output, IReadOnlyList<TemplateErrorResponse> Errors, string? AbortReason)
{
    public static RenderTemplateResponse From(StoredTemplateRender render)
    {
        IEnumerable<TemplateError> errors = render.Subject?.Errors ?? [];
        return new(
            render.Template.Id,
            render.Template.Version,
            render.Subject?.Output,
            render.Body.Output,
            [.. errors.Concat(render.Body.Errors).Select(TemplateErrorResponse.From)],
            render.Subject?.AbortReason ?? render.Body.AbortReason);
    }
}
