namespace Kizuna.Templates;

/// <summary>
/// Raised inside a render by Kizuna's filters and tags; the service turns it into a <see cref="TemplateError"/>.
/// Extensions throw it to report a template fault with a readable message.
/// </summary>
/// <param name="kind">What kind of fault.</param>
/// <param name="message">Readable message for the marketer.</param>
/// <param name="locationHint">Text to look for in the source to locate the fault, e.g. <c>"| slice"</c>.</param>
public sealed class TemplateFaultException(TemplateErrorKind kind, string message, string? locationHint = null)
    : Exception(message)
{
    public TemplateErrorKind Kind { get; } = kind;

    public string? LocationHint { get; } = locationHint;
}
