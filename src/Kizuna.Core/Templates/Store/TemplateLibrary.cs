using System.Globalization;

namespace Kizuna.Templates.Store;

/// <summary>
/// Saving and rendering stored templates: a body or subject that does not parse is refused with its line and column
/// before anything is written, and renders of a stored version go through the service's (id, version) cache.
/// </summary>
public sealed class TemplateLibrary(TemplateStore store, TemplateService templates)
{
    public Task<TemplateSaveResult> CreateAsync(long workspaceId, TemplateKind kind, string? name, TemplateDraft draft, string author, CancellationToken ct)
    {
        if (!TemplateStore.IsValidName(name))
        {
            return Task.FromResult(TemplateSaveResult.Invalid(
                "name", $"A name is 1 to {TemplateStore.MaxNameLength} characters of a-z, 0-9, '_' and '-', e.g. 'order_confirmation'."));
        }

        return Check(kind, draft) is { } invalid
            ? Task.FromResult(invalid)
            : store.CreateAsync(workspaceId, kind, name!, draft, author, ct);
    }

    /// <summary>Saves a new version of an existing template; see <see cref="TemplateStore"/> for the version rules.</summary>
    public async Task<TemplateSaveResult> SaveVersionAsync(long workspaceId, long id, TemplateDraft draft, int? expectedVersion, string author, CancellationToken ct)
    {
        if (await store.FindAsync(workspaceId, id, null, ct) is not { } current)
        {
            return new TemplateSaveResult(TemplateSaveStatus.NotFound);
        }

        return Check(current.Kind, draft) ?? await store.SaveVersionAsync(workspaceId, id, draft, expectedVersion, author, ct);
    }

    /// <summary>
    /// Renders the subject (when the template has one) and the body of a stored version for the given data;
    /// null when the workspace has no such template or version.
    /// </summary>
    public async Task<StoredTemplateRender?> RenderAsync(
        long workspaceId, long id, int? version, TemplateModel model, TemplateRenderOptions? options, CancellationToken ct)
    {
        if (await store.FindAsync(workspaceId, id, version, ct) is not { } template)
        {
            return null;
        }

        var renderOptions = (options ?? TemplateRenderOptions.Default) with { WorkspaceId = workspaceId.ToString(CultureInfo.InvariantCulture) };
        var subject = template.SubjectSource is { } subjectSource
            ? await templates.RenderAsync(subjectSource, model, renderOptions, ct)
            : null;
        var body = await templates.RenderAsync(template.BodySource, model, renderOptions, ct);
        return new StoredTemplateRender(template, subject, body);
    }

    private TemplateSaveResult? Check(TemplateKind kind, TemplateDraft draft)
    {
        if (draft.Body is null)
        {
            return TemplateSaveResult.Invalid("body", "A body is required.");
        }

        if (kind == TemplateKind.ContentBlock && draft.Subject is not null)
        {
            return TemplateSaveResult.Invalid("subject", "A content block has no subject line.");
        }

        var body = templates.Validate(draft.Body);
        if (!body.IsValid)
        {
            return TemplateSaveResult.Invalid("body", $"The body does not parse: {body.Errors[0]}", body.Errors);
        }

        var subject = draft.Subject is null ? null : templates.Validate(draft.Subject);
        return subject is { IsValid: false }
            ? TemplateSaveResult.Invalid("subject", $"The subject does not parse: {subject.Errors[0]}", subject.Errors)
            : null;
    }
}
