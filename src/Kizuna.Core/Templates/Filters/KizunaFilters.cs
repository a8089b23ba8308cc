using Fluid;

namespace Kizuna.Templates.Filters;

internal static class KizunaFilters
{
    public static void Register(FilterCollection filters)
    {
    }
}
