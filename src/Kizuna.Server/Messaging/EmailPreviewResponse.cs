using Kizuna.Server.Templates;

namespace Kizuna.Server.Messaging;

/// <summary>The rendered email (CSS inlined, text part derived when the template has none), or the errors with line and column.</summary>
public sealed record EmailPreviewResponse(string? Subject, string? Html, string? Text, IReadOnlyList<TemplateErrorResponse> Errors, string? AbortReason);
