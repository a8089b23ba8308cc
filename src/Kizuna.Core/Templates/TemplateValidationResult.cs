namespace Kizuna.Templates;

/// <summary>The outcome of parsing a template without rendering it.</summary>
public sealed record TemplateValidationResult(IReadOnlyList<TemplateError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
