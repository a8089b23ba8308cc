using Fluid;

namespace Kizuna.Templates.Filters;

internal static class DateFilter
{
    public static void Register(FilterCollection filters)
    {
        if (filters.TryGetValue("date", out var inner))
        {
            filters.AddFilter("date", FilterArity.Checked("date", 1, 2, inner));
        }
    }
}
