using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// An operand already evaluated by <see cref="LiquidComparisonExpression"/>, read back from the render's context so
/// Fluid's comparison runs on it without evaluating the operand expression a second time.
/// </summary>
internal sealed class HeldOperand(bool left) : Expression
{
    public static readonly HeldOperand Left = new(left: true);

    public static readonly HeldOperand Right = new(left: false);

    public override ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var held = (KizunaTemplateContext)context;
        return new ValueTask<FluidValue>(left ? held.HeldLeft : held.HeldRight);
    }
}
