using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Content;
using Kizuna.Templates;

namespace Kizuna.Messaging.Previews;

/// <summary>
/// A template as one recipient would get it on its channel: the rendered content (<c>RenderedEmail</c>,
/// <c>RenderedSms</c>, <c>RenderedPush</c>, <c>RenderedWebhook</c>), an email's rendered preheader, or what stops it:
/// the content's problems (each field with line and column), render errors, or the template's abort reason.
/// </summary>
public sealed record MessagePreview(
    MessageChannel Channel,
    RenderedContent? Content,
    string? Preheader,
    IReadOnlyList<ContentProblem> Problems,
    IReadOnlyList<TemplateError> Errors,
    string? AbortReason = null);
