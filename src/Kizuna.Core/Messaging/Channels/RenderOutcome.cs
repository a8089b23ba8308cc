using Kizuna.Templates;

namespace Kizuna.Messaging.Channels;

/// <summary>A render: the content, or the errors (a permanent failure), or the template's abort reason (the recipient is skipped).</summary>
public sealed record RenderOutcome(RenderedContent? Content, IReadOnlyList<TemplateError> Errors, string? AbortReason = null)
{
    public static RenderOutcome Of(RenderedContent content) => new(content, []);

    /// <summary>The first failed field's result as an outcome, its field named in the message.</summary>
    public static RenderOutcome? Failed(string field, TemplateRenderResult result) =>
        result.Aborted ? new RenderOutcome(null, [], result.AbortReason)
        : !result.Succeeded ? new RenderOutcome(null, [.. result.Errors.Select(e => e with { Message = $"{field}: {e.Message}" })])
        : null;
}
