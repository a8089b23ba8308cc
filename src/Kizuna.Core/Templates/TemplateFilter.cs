namespace Kizuna.Templates;

/// <summary>
/// A filter added by a feature. Input and arguments arrive as plain values (string, decimal, bool, null,
/// dictionaries and lists); the result is converted back the same way. Throw <see cref="TemplateFaultException"/>
/// for a template fault.
/// </summary>
public delegate ValueTask<object?> TemplateFilter(object? input, IReadOnlyList<object?> arguments, TemplateCallContext context);

/// <summary>A tag added by a feature, <c>{% name expression %}</c>: receives the evaluated expression and returns the text to write.</summary>
public delegate ValueTask<string> TemplateTag(object? argument, TemplateCallContext context);
