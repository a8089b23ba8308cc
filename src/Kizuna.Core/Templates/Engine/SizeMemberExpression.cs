using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Kizuna.Templates.Filters;

namespace Kizuna.Templates.Engine;

/// <summary>
/// <c>text.size</c> counted in characters, as the <c>size</c> filter and Shopify count them: Fluid answers a
/// string's <c>size</c> in UTF-16 units, so <c>"🎁ab".size</c> would be 4, not 3. Anything else (a list, a hash
/// with or without a <c>size</c> key) resolves as Fluid resolves it.
/// </summary>
internal sealed class SizeMemberExpression(MemberExpression owner, MemberSegment size) : Expression
{
    public override ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var pending = owner.EvaluateAsync(context);
        return pending.IsCompletedSuccessfully ? Resolve(pending.Result, context) : AwaitAndResolveAsync(pending, context);
    }

    private async ValueTask<FluidValue> AwaitAndResolveAsync(ValueTask<FluidValue> pending, TemplateContext context) =>
        await Resolve(await pending, context);

    private ValueTask<FluidValue> Resolve(FluidValue value, TemplateContext context) => value switch
    {
        StringValue => new ValueTask<FluidValue>(NumberValue.Create(LiquidText.Length(value.ToStringValue()))),
        _ when value.IsNil() => new ValueTask<FluidValue>(value),
        _ => size.ResolveAsync(value, context),
    };
}
