namespace Kizuna.Templates;

/// <summary>
/// The outcome of one render. A template fault never throws at the caller: it is reported here.
/// </summary>
/// <param name="Output">The rendered text, or null when rendering failed or was aborted.</param>
/// <param name="Errors">Errors, each with line and column; empty on success.</param>
/// <param name="AbortReason">Set when the template ran <c>{% abort_message %}</c>: skip this recipient.</param>
public sealed record TemplateRenderResult(string? Output, IReadOnlyList<TemplateError> Errors, string? AbortReason = null)
{
    public bool Succeeded => Errors.Count == 0 && AbortReason is null;

    public bool Aborted => AbortReason is not null;

    internal static TemplateRenderResult Success(string output) => new(output, []);

    internal static TemplateRenderResult Failure(params TemplateError[] errors) => new(null, errors);
}
