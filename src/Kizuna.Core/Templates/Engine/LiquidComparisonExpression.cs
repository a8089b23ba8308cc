using Fluid;
using Fluid.Ast;
using Fluid.Ast.BinaryExpressions;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// <c>&lt;</c>, <c>&gt;</c> and friends, with Shopify's error when a string is compared with a number
/// (Fluid silently converts one side).
/// </summary>
/// <remarks>
/// Each operand is evaluated once: Fluid's own comparison then runs on the values held in the context.
/// </remarks>
internal sealed class LiquidComparisonExpression(BinaryExpression inner, string symbol) : Expression
{
    private readonly BinaryExpression? _onHeld = inner switch
    {
        GreaterThanBinaryExpression g => new GreaterThanBinaryExpression(HeldOperand.Left, HeldOperand.Right, g.Strict),
        LowerThanBinaryExpression l => new LowerThanBinaryExpression(HeldOperand.Left, HeldOperand.Right, l.Strict),
        _ => null,
    };

    public override ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var pendingLeft = inner.Left.EvaluateAsync(context);
        if (!pendingLeft.IsCompletedSuccessfully)
        {
            return EvaluateSlowAsync(pendingLeft, context);
        }

        var leftValue = pendingLeft.Result;
        var pendingRight = inner.Right.EvaluateAsync(context);
        return pendingRight.IsCompletedSuccessfully
            ? Compare(leftValue, pendingRight.Result, context)
            : CompareSlowAsync(leftValue, pendingRight, context);
    }

    private async ValueTask<FluidValue> EvaluateSlowAsync(ValueTask<FluidValue> pendingLeft, TemplateContext context)
    {
        var leftValue = await pendingLeft;
        return await Compare(leftValue, await inner.Right.EvaluateAsync(context), context);
    }

    private async ValueTask<FluidValue> CompareSlowAsync(FluidValue leftValue, ValueTask<FluidValue> pendingRight, TemplateContext context) =>
        await Compare(leftValue, await pendingRight, context);

    private ValueTask<FluidValue> Compare(FluidValue leftValue, FluidValue rightValue, TemplateContext context)
    {
        if ((leftValue is StringValue && rightValue is NumberValue) || (leftValue is NumberValue && rightValue is StringValue))
        {
            throw new TemplateFaultException(
                TemplateErrorKind.Render,
                $"Cannot compare a {Describe(leftValue)} with a {Describe(rightValue)} using '{symbol}'.",
                symbol);
        }

        if (_onHeld is null || context is not KizunaTemplateContext held)
        {
            return inner.EvaluateAsync(context);
        }

        held.HeldLeft = leftValue;
        held.HeldRight = rightValue;
        return _onHeld.EvaluateAsync(context);
    }

    private static string Describe(FluidValue value) => value is StringValue ? "string" : "number";
}
