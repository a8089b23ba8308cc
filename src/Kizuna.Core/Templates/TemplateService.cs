using System.Globalization;
using System.Text;
using Fluid;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;
using Kizuna.Templates.Engine;
using Kizuna.Templates.Tags;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates;

/// <summary>
/// Kizuna's one way to render Liquid. Templates are parsed once and cached by (id, version); a render is safe from
/// any number of threads, stays inside its sandbox limits and returns errors instead of throwing for template faults.
/// </summary>
public sealed class TemplateService
{
    private readonly FluidEnvironment _environment;
    private readonly TemplateCompiler _compiler;
    private readonly TemplateOptions _options;
    private readonly TemplateLimits _defaultLimits;
    private readonly IContentBlockSource _blocks;
    private readonly IConnectedContentFetcher _fetcher;
    private readonly Func<DateTimeOffset> _now;
    private readonly BoundedCache<CacheKey, CompiledTemplate> _cache;
    private readonly BoundedCache<BlockKey, ResolvedBlock> _resolvedBlocks;

    public TemplateService(
        IOptions<TemplateOptions> options,
        TimeProvider time,
        IContentBlockSource blocks,
        IConnectedContentFetcher fetcher,
        IEnumerable<ITemplateExtension> extensions)
    {
        _options = options.Value;
        _defaultLimits = _options.ToLimits();
        _environment = new FluidEnvironment(_options, extensions);
        _compiler = new TemplateCompiler(_environment, _options);
        _cache = new(_options.MaxCachedTemplates);
        _resolvedBlocks = new(_options.MaxCachedTemplates);
        _blocks = blocks;
        _fetcher = fetcher;
        _now = time.GetUtcNow;
    }

    /// <summary>A service with default options and no content blocks, connected content or extensions.</summary>
    public static TemplateService CreateDefault(TimeProvider? time = null, IContentBlockSource? blocks = null) =>
        new(Options.Create(new TemplateOptions()), time ?? TimeProvider.System, blocks ?? EmptyContentBlockSource.Instance, DisabledConnectedContentFetcher.Instance, []);

    /// <summary>Parses a template and reports its syntax errors with line and column.</summary>
    public TemplateValidationResult Validate(string body) => new(_compiler.Compile(body).Errors);

    public ValueTask<TemplateRenderResult> RenderAsync(string body, TemplateModel model, TemplateRenderOptions? options = null, CancellationToken ct = default) =>
        RenderAsync(TemplateSource.Adhoc(body), model, options, ct);

    /// <summary>Renders to a string.</summary>
    public ValueTask<TemplateRenderResult> RenderAsync(TemplateSource template, TemplateModel model, TemplateRenderOptions? options = null, CancellationToken ct = default)
    {
        var builder = StringBuilderPool.Rent();
        var pending = RenderCoreAsync(GetCompiled(template), model, null, builder, options ?? TemplateRenderOptions.Default, ct);
        if (pending.IsCompletedSuccessfully)
        {
            // Most renders never wait (no connected content, no uncached block): skip the async machinery.
            var result = pending.Result;
            StringBuilderPool.Return(builder);
            return new ValueTask<TemplateRenderResult>(result);
        }

        return AwaitAndReturnAsync(pending, builder);

        static async ValueTask<TemplateRenderResult> AwaitAndReturnAsync(ValueTask<TemplateRenderResult> pending, StringBuilder builder)
        {
            try
            {
                return await pending;
            }
            finally
            {
                StringBuilderPool.Return(builder);
            }
        }
    }

    /// <summary>
    /// Renders straight into <paramref name="output"/> (a message body buffer). On failure the writer may hold part
    /// of the output; the result's <see cref="TemplateRenderResult.Output"/> is always null here.
    /// </summary>
    public ValueTask<TemplateRenderResult> RenderToAsync(TemplateSource template, TemplateModel model, TextWriter output, TemplateRenderOptions? options = null, CancellationToken ct = default) =>
        RenderCoreAsync(GetCompiled(template), model, output, null, options ?? TemplateRenderOptions.Default, ct);

    internal ValueTask<IFluidTemplate> CompileBlockAsync(IContentBlockSource source, string workspaceId, string name, CancellationToken ct)
    {
        var pending = source.GetAsync(workspaceId, name, ct);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<IFluidTemplate>(CompileBlock(workspaceId, name, pending.Result))
            : AwaitAndCompileAsync(pending, workspaceId, name);

        async ValueTask<IFluidTemplate> AwaitAndCompileAsync(ValueTask<ContentBlock?> pending, string workspaceId, string name) =>
            CompileBlock(workspaceId, name, await pending);
    }

    private IFluidTemplate CompileBlock(string workspaceId, string name, ContentBlock? block)
    {
        if (block is null)
        {
            throw new TemplateFaultException(TemplateErrorKind.Render, $"There is no content block or partial named '{name}'.", name);
        }

        // The same (version, length) as the compiled-template cache uses, found without building its key.
        var blockKey = new BlockKey(workspaceId, name);
        if (_resolvedBlocks.TryGetValue(blockKey, out var resolved)
            && (ReferenceEquals(resolved.Block, block) || (resolved.Block.Version == block.Version && resolved.Block.Body.Length == block.Body.Length)))
        {
            return resolved.Template;
        }

        var compiled = GetOrCompile(new CacheKey(workspaceId, "block:" + name, block.Version, block.Body.Length), block.Body);
        if (compiled.Template is null)
        {
            var error = compiled.Errors[0];
            throw new TemplateFaultException(
                error.Kind == TemplateErrorKind.Limit ? TemplateErrorKind.Limit : TemplateErrorKind.Syntax,
                $"Content block '{name}' does not parse at {error.Line}:{error.Column}: {error.Message}",
                name);
        }

        _resolvedBlocks.Set(blockKey, new ResolvedBlock(block, compiled.Template));
        return compiled.Template;
    }

    private CompiledTemplate GetCompiled(TemplateSource template) =>
        template.IsCacheable
            ? GetOrCompile(new CacheKey(string.Empty, template.Id, template.Version, template.Body.Length), template.Body)
            : _compiler.Compile(template.Body);

    private CompiledTemplate GetOrCompile(CacheKey key, string body)
    {
        if (_cache.TryGetValue(key, out var compiled))
        {
            return compiled;
        }

        // Two threads may compile the same new version at once; both results are equal and the later one is kept.
        compiled = _compiler.Compile(body);
        _cache.Set(key, compiled);
        return compiled;
    }

    private async ValueTask<TemplateRenderResult> RenderCoreAsync(CompiledTemplate compiled, TemplateModel model, TextWriter? output, StringBuilder? builder, TemplateRenderOptions options, CancellationToken ct)
    {
        if (compiled.Template is null)
        {
            return new TemplateRenderResult(null, compiled.Errors);
        }

        if (options.Mode == TemplateMode.Strict && compiled.UnknownFilters.Count > 0)
        {
            return new TemplateRenderResult(null, [.. compiled.UnknownFilters.Select(f => Locate(compiled, TemplateErrorKind.UndefinedFilter, $"Unknown filter '{f}'.", "| " + f))]);
        }

        var limits = options.Limits ?? _defaultLimits;
        var scope = new RenderScope(this, limits, options.WorkspaceId, options.ContentBlocks ?? _blocks, options.Links ?? MessageLinks.Preview, _fetcher, ct);
        var context = new KizunaTemplateContext(_environment.Options, scope)
        {
            MaxSteps = limits.MaxSteps,
            TimeZone = options.TimeZone ?? model.TimeZone ?? TimeZoneInfo.Utc,
            CultureInfo = options.Culture ?? model.Culture ?? CultureInfo.InvariantCulture,
            Now = _now,
            Assigned = SizeGuard.Assigned,
            Captured = SizeGuard.Captured,
        };
        if (options.Mode == TemplateMode.Strict)
        {
            context.Undefined = static name => throw new TemplateFaultException(TemplateErrorKind.UndefinedVariable, $"Undefined variable '{name}'.", name);
        }

        var roots = model.Roots;
        for (var i = 0; i < roots.Count; i++)
        {
            context.SetValue(roots[i].Key, model.Value(i, _environment.Options));
        }

        try
        {
            await compiled.Template.RenderAsync(new LimitedTextWriter(output, builder, scope), NullEncoder.Default, context);
        }
        catch (MessageAbortedException)
        {
            return new TemplateRenderResult(null, [], scope.AbortReason ?? AbortMessageTag.DefaultReason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new TemplateRenderResult(null, [ToError(compiled, e, limits)]);
        }

        return scope.AbortReason is { } reason ? new TemplateRenderResult(null, [], reason)
            : builder is not null ? TemplateRenderResult.Success(builder.ToString())
            : new TemplateRenderResult(null, []);
    }

    private TemplateError ToError(CompiledTemplate compiled, Exception exception, TemplateLimits limits) => exception switch
    {
        TemplateFaultException fault => Locate(compiled, fault.Kind, fault.Message, fault.LocationHint),
        ConnectedContentException cc => Locate(compiled, TemplateErrorKind.ConnectedContent, cc.Message, "connected_content"),
        InvalidOperationException io when io.Message.StartsWith("The maximum", StringComparison.Ordinal) =>
            Locate(compiled, TemplateErrorKind.Limit, $"The template ran more than {limits.MaxSteps} steps or nested deeper than {_options.MaxRecursion} levels.", null),
        FileNotFoundException notFound => Locate(compiled, TemplateErrorKind.Render, $"There is no partial named '{notFound.Message}'.", notFound.Message),
        _ => Locate(compiled, TemplateErrorKind.Render, exception.Message, null),
    };

    private static TemplateError Locate(CompiledTemplate compiled, TemplateErrorKind kind, string message, string? hint)
    {
        var (line, column) = SourceLocator.FromHint(compiled.Source, hint);
        return new TemplateError(kind, message, line, column);
    }

    private readonly record struct CacheKey(string Workspace, string Id, int Version, int Length);

    private readonly record struct BlockKey(string Workspace, string Name);

    private sealed record ResolvedBlock(ContentBlock Block, IFluidTemplate Template);

    private static class StringBuilderPool
    {
        [ThreadStatic]
        private static StringBuilder? _cached;

        public static StringBuilder Rent()
        {
            var builder = _cached ?? new StringBuilder(1024);
            _cached = null;
            return builder;
        }

        public static void Return(StringBuilder builder)
        {
            if (builder.Capacity <= 64 * 1024)
            {
                builder.Clear();
                _cached = builder;
            }
        }
    }
}
