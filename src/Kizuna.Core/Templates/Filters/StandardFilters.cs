using Fluid;

namespace Kizuna.Templates.Filters;

internal static class StandardFilters
{
    public static void Register(FilterCollection filters)
    {
    }
}
