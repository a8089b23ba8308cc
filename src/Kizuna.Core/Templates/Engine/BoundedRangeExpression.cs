using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// <c>(a..b)</c> with a size cap: Fluid materialises a range as an array, so <c>(1..2000000000)</c> would
/// allocate gigabytes before the first step is counted.
/// </summary>
internal sealed class BoundedRangeExpression(RangeExpression inner) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var from = await inner.From.EvaluateAsync(context);
        var to = await inner.To.EvaluateAsync(context);
        var start = ToBound(from);
        var end = ToBound(to);
        var size = end - start + 1;
        var max = KizunaTemplateContext.ScopeOf(context)?.Limits.MaxRangeSize ?? TemplateLimits.Default.MaxRangeSize;
        if (size > max)
        {
            throw new TemplateFaultException(TemplateErrorKind.Limit, $"The range ({start}..{end}) has more than {max} items.", "..");
        }

        if (size <= 0)
        {
            return ArrayValue.Empty;
        }

        var items = new FluidValue[size];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = NumberValue.Create(start + i);
        }

        return new ArrayValue(items);
    }

    private static long ToBound(FluidValue value)
    {
        // A bound that is not a number counts as 0, as in Shopify.
        return (long)Math.Truncate(Math.Clamp(Filters.LiquidNumber.From(value), int.MinValue, int.MaxValue));
    }
}
