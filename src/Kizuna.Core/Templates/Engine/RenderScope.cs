using System.Diagnostics;
using System.Runtime.CompilerServices;
using Fluid;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;

namespace Kizuna.Templates.Engine;

/// <summary>The state of one render that Kizuna's tags and filters share: limits, deadline, partials, abort.</summary>
internal sealed class RenderScope(
    TemplateService service,
    TemplateLimits limits,
    string workspaceId,
    IContentBlockSource blocks,
    MessageLinks links,
    IConnectedContentFetcher fetcher,
    CancellationToken ct)
{
    private const int TickInterval = 16;

    private int _ticks;
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(limits.EffectiveTimeout.TotalSeconds * Stopwatch.Frequency);
    private Dictionary<string, IFluidTemplate>? _partials;
    private Dictionary<string, long>? _counters;

    public TemplateService Service { get; } = service;

    public TemplateLimits Limits { get; } = limits;

    public string WorkspaceId { get; } = workspaceId;

    public IContentBlockSource Blocks { get; } = blocks;

    public MessageLinks Links { get; } = links;

    public IConnectedContentFetcher Fetcher { get; } = fetcher;

    public CancellationToken CancellationToken { get; } = ct;

    public int PartialDepth { get; set; }

    public int ConnectedContentCalls { get; set; }

    public string? AbortReason { get; set; }

    /// <summary><c>increment</c>/<c>decrement</c> counters; <c>render</c> swaps in a fresh set to isolate them.</summary>
    public Dictionary<string, long> Counters
    {
        get => _counters ??= new(StringComparer.Ordinal);
        set => _counters = value;
    }

    /// <summary>Time left of the wall-time budget, for calls that wait (connected content).</summary>
    public TimeSpan Remaining => TimeSpan.FromSeconds(Math.Max(0, _deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);

    /// <summary>
    /// The check made at every filter call and assignment: the clock is read every <see cref="TickInterval"/>th call.
    /// Reading it costs as much as a cheap filter, and one call's own work is bounded by the size limits.
    /// </summary>
    public void Tick()
    {
        if (++_ticks % TickInterval == 0)
        {
            CheckDeadline();
        }
    }

    public void CheckDeadline()
    {
        if (CancellationToken.IsCancellationRequested)
        {
            throw new TemplateFaultException(TemplateErrorKind.Timeout, "Rendering was cancelled.");
        }

        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TemplateFaultException(
                TemplateErrorKind.Timeout,
                $"Rendering took longer than its budget of {Limits.EffectiveTimeout.TotalMilliseconds:0} ms.");
        }
    }

    public void EnterPartial(string name)
    {
        // A partial renders on the caller's stack, and each one may nest as deep as a template may; the depth limit
        // is a workspace setting, so the stack itself is checked too.
        if (++PartialDepth > Limits.MaxPartialDepth)
        {
            throw new TemplateFaultException(
                TemplateErrorKind.Limit,
                $"Partials and content blocks are nested deeper than {Limits.MaxPartialDepth} levels (at '{name}').",
                name);
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateFaultException(TemplateErrorKind.Limit, $"Partials and content blocks are nested too deeply (at '{name}').", name);
        }
    }

    public void ExitPartial() => PartialDepth--;

    /// <summary>Resolves a partial and remembers it for Fluid's synchronous <c>render</c> path.</summary>
    public async ValueTask<IFluidTemplate> ResolvePartialAsync(string name)
    {
        var template = await ResolveBlockAsync(name);
        (_partials ??= new(StringComparer.Ordinal))[name] = template;
        return template;
    }

    /// <summary>Resolves a content block, which Kizuna renders itself; completes at once when the source does.</summary>
    public ValueTask<IFluidTemplate> ResolveBlockAsync(string name)
    {
        CheckDeadline();
        return Service.CompileBlockAsync(Blocks, WorkspaceId, name, CancellationToken);
    }

    public bool TryGetResolvedPartial(string name, out IFluidTemplate template)
    {
        template = null!;
        return _partials is not null && _partials.TryGetValue(name, out template!);
    }
}
