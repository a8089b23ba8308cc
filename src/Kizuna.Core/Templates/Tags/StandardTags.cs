using Fluid;

namespace Kizuna.Templates.Tags;

internal static class StandardTags
{
    public static void Register(FluidParser parser)
    {
    }
}
