namespace Kizuna.Templates;

/// <summary>One parse or render error, located in the template source (1-based line and column).</summary>
public sealed record TemplateError(TemplateErrorKind Kind, string Message, int Line, int Column)
{
    public override string ToString() => $"{Kind} at {Line}:{Column}: {Message}";
}
