namespace Kizuna.Templates;

/// <summary>
/// Sandbox limits for one render. The defaults come from <see cref="TemplateOptions"/>; a workspace may pass
/// its own record (usually built with <c>with</c> from the defaults) at render time.
/// </summary>
/// <param name="MaxSteps">Statements and loop iterations one render may execute.</param>
/// <param name="MaxOutputChars">Characters one render may write.</param>
/// <param name="MaxPartialDepth">Nesting of <c>include</c>, <c>render</c> and <c>content_block</c>.</param>
/// <param name="MaxRangeSize">Items a range literal such as <c>(1..n)</c> may produce.</param>
/// <param name="Timeout">Wall-time budget of one render, connected content included.</param>
/// <param name="MaxConnectedContentCalls">Connected-content fetches one render may make.</param>
public sealed record TemplateLimits(
    int MaxSteps = 100_000,
    int MaxOutputChars = 1_000_000,
    int MaxPartialDepth = 10,
    int MaxRangeSize = 100_000,
    TimeSpan? Timeout = null,
    int MaxConnectedContentCalls = 5)
{
    public static TemplateLimits Default { get; } = new();

    /// <summary>The wall-time budget; two seconds when not set.</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(2);
}
