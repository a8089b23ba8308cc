using Fluid;

namespace Kizuna.Templates.Tags;

internal static class KizunaTags
{
    public static void Register(FluidParser parser)
    {
    }
}
