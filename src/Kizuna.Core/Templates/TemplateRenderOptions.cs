using System.Globalization;
using Kizuna.Templates.ContentBlocks;

namespace Kizuna.Templates;

/// <summary>Everything about one render that is not the data: who, where, how strictly, within which limits.</summary>
public sealed record TemplateRenderOptions
{
    public static TemplateRenderOptions Default { get; } = new();

    /// <summary>Workspace whose content blocks and partials the template may use.</summary>
    public string WorkspaceId { get; init; } = string.Empty;

    /// <summary>The customer's time zone; dates render in it unless a filter names another. The model's zone, else UTC, when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Culture for <c>currency</c> and <c>number</c> when the template names none. The model's culture, else invariant, when null.</summary>
    public CultureInfo? Culture { get; init; }

    public TemplateMode Mode { get; init; } = TemplateMode.Lax;

    /// <summary>Per-workspace limits; the configured defaults when null.</summary>
    public TemplateLimits? Limits { get; init; }

    /// <summary>Unsubscribe, preferences and web-view links; placeholders when null (preview).</summary>
    public MessageLinks? Links { get; init; }

    /// <summary>Where partials and content blocks come from; the registered source when null.</summary>
    public IContentBlockSource? ContentBlocks { get; init; }
}
