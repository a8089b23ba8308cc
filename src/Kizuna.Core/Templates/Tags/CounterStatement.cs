using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Tags;

/// <summary>
/// Shopify's <c>increment</c> (writes, then adds one) and <c>decrement</c> (subtracts one, then writes), sharing
/// one counter per name that later output can read.
/// </summary>
internal sealed class CounterStatement(string name, int step) : Statement
{
    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.IncrementSteps();
        var counters = KizunaTemplateContext.ScopeOf(context)?.Counters ?? [];
        counters.TryGetValue(name, out var value);
        var written = step > 0 ? value : value + step;
        counters[name] = value + step;

        // Counters live apart from assigned variables: an assigned value of the same name wins when read.
        var current = context.GetValue(name);
        if (current is NilValue or UndefinedValue || (current is NumberValue && current.ToNumberValue() == value && counters.Count > 0 && value != 0))
        {
            context.SetValue(name, NumberValue.Create(value + step));
        }
        writer.Write(written.ToString(CultureInfo.InvariantCulture));
        return Normal();
    }
}
