using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// <c>&lt;</c>, <c>&gt;</c> and friends, with Shopify's error when a string is compared with a number
/// (Fluid silently converts one side).
/// </summary>
internal sealed class LiquidComparisonExpression(BinaryExpression inner, string symbol) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var leftValue = await inner.Left.EvaluateAsync(context);
        var rightValue = await inner.Right.EvaluateAsync(context);
        if ((leftValue is StringValue && rightValue is NumberValue) || (leftValue is NumberValue && rightValue is StringValue))
        {
            throw new TemplateFaultException(
                TemplateErrorKind.Render,
                $"Cannot compare a {Describe(leftValue)} with a {Describe(rightValue)} using '{symbol}'.",
                symbol);
        }

        return await inner.EvaluateAsync(context);
    }

    private static string Describe(FluidValue value) => value is StringValue ? "string" : "number";
}
