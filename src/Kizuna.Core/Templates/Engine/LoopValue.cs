using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// <c>forloop</c> as Shopify defines it, over the <see cref="ForLoopValue"/> Fluid keeps up to date: counted from the
/// first item after <c>offset</c> (Fluid counts from the start of the list), with <c>parentloop</c> (the enclosing
/// loop's <c>forloop</c>, nil at the top) and <c>name</c>.
/// </summary>
internal sealed class LoopValue(ForLoopValue loop, FluidValue parent, int offset, string loopName) : FluidValue
{
    public override FluidValues Type => FluidValues.Dictionary;

    private int Length => loop.Length - offset;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => name switch
    {
        "length" => NumberValue.Create(Length),
        "index" => NumberValue.Create(loop.Index - offset),
        "index0" => NumberValue.Create(loop.Index0 - offset),
        "rindex" => NumberValue.Create(loop.RIndex),
        "rindex0" => NumberValue.Create(loop.RIndex0),
        "first" => BooleanValue.Create(loop.Index0 == offset),
        "last" => BooleanValue.Create(loop.Last),
        "parentloop" => parent,
        "name" => StringValue.Create(loopName),
        _ => NilValue.Instance,
    };

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => Length;

    public override object ToObjectValue() => this;

    public override string ToStringValue() => string.Empty;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => default;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => loop.GetHashCode();
}
