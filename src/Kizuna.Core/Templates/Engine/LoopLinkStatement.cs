using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// The first statement of a rewritten <c>for</c> body: on the first pass it replaces the loop's own
/// <c>forloop</c> with a <see cref="LoopValue"/> that knows the enclosing loop, the offset and the loop's name.
/// Fluid's <c>ForStatement</c> cannot be extended, and it sets <c>forloop</c> once per loop, so later passes find
/// the <see cref="LoopValue"/> already there and do nothing. The loop's own scope is internal to Fluid and reached
/// through an accessor: setting <c>forloop</c> through the public API would write it into the enclosing scope.
/// </summary>
internal sealed class LoopLinkStatement(string name) : Statement
{
    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var scope = LocalScope(context);
        if (scope.GetValue("forloop") is ForLoopValue loop)
        {
            // Only a for tag's loop is a parent: the loop of `render … for` is not (Shopify), and it is a plain ForLoopValue.
            var parent = scope.Parent?.GetValue("forloop") is LoopValue outer ? outer : (FluidValue)NilValue.Instance;
            scope.SetOwnValue("forloop", new LoopValue(loop, parent, loop.Index0, name));
        }

        return Normal();
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_LocalScope")]
    private static extern Scope LocalScope(TemplateContext context);
}
