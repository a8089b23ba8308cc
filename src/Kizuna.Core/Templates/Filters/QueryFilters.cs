using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>
/// <c>where</c>, <c>reject</c>, <c>find</c>, <c>find_index</c> and <c>has</c>: a property equal to a value, or
/// truthy when no value is given; a string item with one argument matches when it contains the argument.
/// </summary>
internal static class QueryFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("where", FilterArity.Checked("where", 1, 2, (i, a, c) => SelectAsync("where", i, a, c, keep: true)));
        filters.AddFilter("reject", FilterArity.Checked("reject", 1, 2, (i, a, c) => SelectAsync("reject", i, a, c, keep: false)));
        filters.AddFilter("find", FilterArity.Checked("find", 1, 2, async (i, a, c) =>
            await FindAsync(i, a, c) is { } found ? (found.Index < 0 ? NilValue.Instance : found.Item) : NilValue.Instance));
        filters.AddFilter("find_index", FilterArity.Checked("find_index", 1, 2, async (i, a, c) =>
            await FindAsync(i, a, c) is { Index: >= 0 } found ? NumberValue.Create(found.Index) : NilValue.Instance));
        filters.AddFilter("has", FilterArity.Checked("has", 1, 2, async (i, a, c) =>
            await FindAsync(i, a, c) is { } found ? BooleanValue.Create(found.Index >= 0) : NilValue.Instance));
    }

    private static async ValueTask<FluidValue> SelectAsync(string filter, FluidValue input, FilterArguments arguments, TemplateContext context, bool keep)
    {
        if (input is NumberValue or BooleanValue)
        {
            throw FilterFault.Argument(filter, "expects an array.");
        }

        var result = new List<FluidValue>();
        foreach (var item in Sequence.From(input))
        {
            if (!keep && Sequence.IsNil(item))
            {
                // Shopify's reject stops at a nil item and renders nothing.
                return NilValue.Instance;
            }

            if (await MatchesAsync(item, arguments, context) == keep)
            {
                result.Add(item);
            }
        }

        return Sequence.ToArray(result);
    }

    /// <summary>The first match; index -1 when none; null when a nil item stops the search, as Shopify's does.</summary>
    private static async ValueTask<(int Index, FluidValue Item)?> FindAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var items = Sequence.From(input);
        for (var i = 0; i < items.Count; i++)
        {
            if (Sequence.IsNil(items[i]))
            {
                return null;
            }

            if (await MatchesAsync(items[i], arguments, context))
            {
                return (i, items[i]);
            }
        }

        return (-1, NilValue.Instance);
    }

    private static async ValueTask<bool> MatchesAsync(FluidValue item, FilterArguments arguments, TemplateContext context)
    {
        var key = FilterArgs.Text(arguments.At(0));
        var expected = arguments.Count > 1 ? arguments.At(1) : NilValue.Instance;
        var byValue = !Sequence.IsNil(expected);
        switch (item)
        {
            case StringValue:
                return item.ToStringValue().Contains(byValue ? FilterArgs.Text(expected) : key, StringComparison.Ordinal);
            case NumberValue when !byValue:
                return arguments.At(0) is NumberValue
                    ? item.Equals(arguments.At(0))
                    : throw FilterFault.Argument("has", $"cannot look for '{key}' in a number.");
            case NumberValue or BooleanValue:
                throw FilterFault.Argument("where", $"cannot read '{key}' of a {item.Type.ToString().ToLowerInvariant()}.");
        }

        var value = await Sequence.PropertyAsync(item, key, context);
        return byValue ? LiquidEquals(value, expected) : Sequence.IsTruthy(value);
    }

    private static bool LiquidEquals(FluidValue left, FluidValue right)
    {
        if (Sequence.IsNil(left) || Sequence.IsNil(right))
        {
            return Sequence.IsNil(left) && Sequence.IsNil(right);
        }

        return left.Type == right.Type && left.Equals(right);
    }
}
