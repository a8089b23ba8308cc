using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>
/// <c>sort</c> (case-sensitive, numbers numerically, mixed types an error) and <c>sort_natural</c>
/// (case-insensitive on the text form); items without the key, or nil, go last. Both are stable.
/// </summary>
internal static class SortFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("sort", FilterArity.Checked("sort", 0, 1, (i, a, c) => SortAsync(i, a, c, natural: false)));
        filters.AddFilter("sort_natural", FilterArity.Checked("sort_natural", 0, 1, (i, a, c) => SortAsync(i, a, c, natural: true)));
    }

    private static async ValueTask<FluidValue> SortAsync(FluidValue input, FilterArguments arguments, TemplateContext context, bool natural)
    {
        KizunaScopeCheck(context);
        var items = Sequence.From(input);
        var key = arguments.Count > 0 && !Sequence.IsNil(arguments.At(0)) ? FilterArgs.Text(arguments.At(0)) : null;
        var keyed = new List<(FluidValue Item, FluidValue Key)>(items.Count);
        foreach (var item in items)
        {
            keyed.Add((item, key is null ? item : await Sequence.PropertyAsync(item, key, context)));
        }

        var present = keyed.Where(k => !Sequence.IsNil(k.Key)).ToList();
        var missing = keyed.Where(k => Sequence.IsNil(k.Key)).Select(k => k.Item);
        IEnumerable<FluidValue> sorted = natural
            ? present.OrderBy(k => LiquidText.ToLiquidString(k.Key).ToLowerInvariant(), StringComparer.Ordinal).Select(k => k.Item)
            : present.OrderBy(k => k.Key, Comparer<FluidValue>.Create(Compare)).Select(k => k.Item);
        return Sequence.ToArray(sorted.Concat(missing).ToList());
    }

    private static int Compare(FluidValue x, FluidValue y)
    {
        if (x is NumberValue && y is NumberValue)
        {
            return x.ToNumberValue().CompareTo(y.ToNumberValue());
        }

        if (x is StringValue && y is StringValue)
        {
            return string.CompareOrdinal(x.ToStringValue(), y.ToStringValue());
        }

        throw FilterFault.Argument("sort", $"cannot compare a {x.Type.ToString().ToLowerInvariant()} with a {y.Type.ToString().ToLowerInvariant()}.");
    }

    private static void KizunaScopeCheck(TemplateContext context) =>
        Engine.KizunaTemplateContext.ScopeOf(context)?.CheckDeadline();
}
