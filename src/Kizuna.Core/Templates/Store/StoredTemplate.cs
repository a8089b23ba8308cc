namespace Kizuna.Templates.Store;

/// <summary>
/// One saved version (from 1) of a template or content block; versions never change once saved. <c>Id</c> is the
/// same for all versions, <c>CurrentVersion</c> is the newest one when this was read, <c>CreatedBy</c> is who saved
/// this version (<c>user:&lt;id&gt;</c> or <c>key:&lt;id&gt;</c>). <c>Channel</c> is null for email;
/// <c>ChannelFields</c> holds that channel's fields beyond the subject and body as JSON.
/// </summary>
public sealed record StoredTemplate(
    long Id,
    long WorkspaceId,
    TemplateKind Kind,
    string Name,
    int Version,
    int CurrentVersion,
    string? Subject,
    string? Description,
    string Body,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? Channel = null,
    string? ChannelFields = null)
{
    /// <summary>The body as the template service caches it: compiled once per (id, version).</summary>
    public TemplateSource BodySource => new($"template:{Id}", Version, Body);

    /// <summary>The subject line as the template service caches it, or null when there is none.</summary>
    public TemplateSource? SubjectSource => Subject is null ? null : new($"template:{Id}:subject", Version, Subject);
}
