using System.ComponentModel.DataAnnotations;

namespace Kizuna.Templates;

/// <summary>Sandbox defaults for every workspace, bound from the <c>Templates</c> configuration section.</summary>
public sealed class TemplateOptions
{
    public const string SectionName = "Templates";

    [Range(1, 100_000_000)]
    public int MaxSteps { get; set; } = TemplateLimits.Default.MaxSteps;

    [Range(1, 100_000_000)]
    public int MaxOutputChars { get; set; } = TemplateLimits.Default.MaxOutputChars;

    [Range(1, 64)]
    public int MaxPartialDepth { get; set; } = TemplateLimits.Default.MaxPartialDepth;

    [Range(1, 10_000_000)]
    public int MaxRangeSize { get; set; } = TemplateLimits.Default.MaxRangeSize;

    /// <summary>
    /// How deep blocks (<c>if</c>, <c>for</c>, <c>case</c>, <c>capture</c>, …) may nest in one template, checked
    /// before parsing, and Fluid's own nesting limit (loops, scopes) while rendering; shared by all workspaces.
    /// </summary>
    [Range(1, 100)]
    public int MaxRecursion { get; set; } = 64;

    /// <summary>
    /// Characters a template or content block may have; larger ones are refused before parsing. HTML emails with
    /// inline styles reach a few hundred KB.
    /// </summary>
    [Range(1, 16_777_216)]
    public int MaxTemplateChars { get; set; } = 524_288;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    [Range(0, 100)]
    public int MaxConnectedContentCalls { get; set; } = TemplateLimits.Default.MaxConnectedContentCalls;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectedContentTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a fetched connected-content response is reused for the same URL.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ConnectedContentCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 16_777_216)]
    public int ConnectedContentMaxBytes { get; set; } = 1_048_576;

    /// <summary>Allow connected content to reach loopback and private networks (tests, on-premises APIs).</summary>
    public bool ConnectedContentAllowPrivateNetworks { get; set; }

    /// <summary>Compiled templates (and resolved content blocks) kept in memory; past it the least recently used are dropped.</summary>
    [Range(16, 1_000_000)]
    public int MaxCachedTemplates { get; set; } = 10_000;

    public TemplateLimits ToLimits() => new(MaxSteps, MaxOutputChars, MaxPartialDepth, MaxRangeSize, Timeout, MaxConnectedContentCalls);
}
