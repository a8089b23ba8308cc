using Fluid;
using FluidTemplateOptions = Fluid.TemplateOptions;

namespace Kizuna.Templates.Engine;

/// <summary>Fluid's context carrying the render scope, so filters and tags reach it without a dictionary lookup.</summary>
internal sealed class KizunaTemplateContext(FluidTemplateOptions options, RenderScope scope)
    : TemplateContext(options, StringComparer.Ordinal)
{
    public RenderScope Scope { get; } = scope;

    public static RenderScope? ScopeOf(TemplateContext context) => (context as KizunaTemplateContext)?.Scope;
}
