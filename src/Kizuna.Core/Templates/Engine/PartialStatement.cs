using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Wraps Fluid's <c>include</c> and <c>render</c>: resolves the partial from the workspace's content blocks
/// (asynchronously, versioned, compiled once) and counts nesting depth, then lets Fluid apply its own
/// with/for/as semantics.
/// </summary>
internal sealed class PartialStatement(Statement inner, Expression? dynamicPath, string? staticPath) : Statement
{
    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var scope = KizunaTemplateContext.ScopeOf(context)
            ?? throw new InvalidOperationException("Partials render only through the template service.");
        var name = staticPath ?? (await dynamicPath!.EvaluateAsync(context)).ToStringValue();
        scope.EnterPartial(name);
        try
        {
            await scope.ResolvePartialAsync(PartialFileProvider.Normalise(name));
            PartialFileProvider.Current.Value = scope;
            return await inner.WriteToAsync(writer, encoder, context);
        }
        finally
        {
            scope.ExitPartial();
        }
    }
}
