using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>Shopify's <c>contains</c>: nothing contains nil, false or an undefined value.</summary>
internal sealed class LiquidContainsExpression(Expression left, Expression right) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var leftValue = await left.EvaluateAsync(context);
        var rightValue = await right.EvaluateAsync(context);
        if (rightValue is NilValue or UndefinedValue || (rightValue is BooleanValue && !rightValue.ToBooleanValue()))
        {
            return BooleanValue.False;
        }

        return BooleanValue.Create(leftValue.Contains(rightValue));
    }
}
