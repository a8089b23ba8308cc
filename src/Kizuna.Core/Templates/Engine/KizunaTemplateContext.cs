using Fluid;
using Fluid.Values;
using FluidTemplateOptions = Fluid.TemplateOptions;

namespace Kizuna.Templates.Engine;

/// <summary>Fluid's context carrying the render scope, so filters and tags reach it without a dictionary lookup.</summary>
internal sealed class KizunaTemplateContext(FluidTemplateOptions options, RenderScope scope)
    : TemplateContext(options, StringComparer.Ordinal)
{
    public RenderScope Scope { get; } = scope;

    /// <summary>Operands of the comparison being evaluated (see <see cref="HeldOperand"/>); set and read synchronously.</summary>
    public FluidValue HeldLeft { get; set; } = NilValue.Instance;

    public FluidValue HeldRight { get; set; } = NilValue.Instance;

    public static RenderScope? ScopeOf(TemplateContext context) => (context as KizunaTemplateContext)?.Scope;
}
