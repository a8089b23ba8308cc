namespace Kizuna.Templates.Store;

/// <summary>The outcome of a save: the new version, or why there is none.</summary>
/// <param name="Status">How the save ended.</param>
/// <param name="Template">The saved version when <see cref="Status"/> is <see cref="TemplateSaveStatus.Saved"/>.</param>
/// <param name="Field">The field at fault (<c>name</c>, <c>body</c>, <c>subject</c>, <c>expectedVersion</c>).</param>
/// <param name="Message">Why, for the marketer.</param>
/// <param name="Errors">Syntax errors of the body or subject, each with line and column.</param>
public sealed record TemplateSaveResult(
    TemplateSaveStatus Status,
    StoredTemplate? Template = null,
    string? Field = null,
    string? Message = null,
    IReadOnlyList<TemplateError>? Errors = null)
{
    public static TemplateSaveResult Saved(StoredTemplate template) => new(TemplateSaveStatus.Saved, template);

    public static TemplateSaveResult Invalid(string field, string message, IReadOnlyList<TemplateError>? errors = null) =>
        new(TemplateSaveStatus.Invalid, null, field, message, errors);
}
