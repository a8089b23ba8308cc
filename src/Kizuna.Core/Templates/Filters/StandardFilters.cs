using Fluid;

namespace Kizuna.Templates.Filters;

/// <summary>
/// Registers Kizuna's Shopify-exact implementations under the standard names, replacing Fluid's where they differ,
/// and adds argument-count checks to the Fluid filters kept as they are. Fluid's other filters go through
/// <see cref="FluidFilters"/>.
/// </summary>
internal static class StandardFilters
{
    public static void Register(FilterCollection filters)
    {
        FluidFilters.Register(filters);
        foreach (var name in (string[])["escape", "escape_once", "h"])
        {
            if (filters.TryGetValue(name, out var inner))
            {
                filters.AddFilter(name, FilterArity.Checked(name, 0, 0, (input, arguments, context) =>
                {
                    // Escaping can make a string six times longer; escape_once decodes first, so this is its upper bound.
                    TextSize.CheckArrays(name, input, arguments, context);
                    var text = input.ToStringValue();
                    if (text.Length * 6L > TextSize.Max(context))   // counted only when the bound could be passed
                    {
                        TextSize.Check(name, TextSize.HtmlEncodedLength(text), context);
                    }

                    return inner(input, arguments, context);
                }));
            }
        }

        MathFilters.Register(filters);
        StringFilters.Register(filters);
        ArrayFilters.Register(filters);
        DateFilter.Register(filters);
    }
}
