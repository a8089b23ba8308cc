namespace Kizuna.Templates;

/// <summary>How forgiving rendering is.</summary>
public enum TemplateMode
{
    /// <summary>Liquid's default: unknown variables render as nothing, unknown filters pass the value through.</summary>
    Lax,

    /// <summary>Unknown variables and unknown filters are errors (strict variables, strict filters).</summary>
    Strict,
}
