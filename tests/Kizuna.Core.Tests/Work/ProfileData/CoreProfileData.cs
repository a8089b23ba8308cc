using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Work.ProfileData;

/// <summary>The per-profile tables Kizuna.Core registers, for tests that build its stores by hand.</summary>
public static class CoreProfileData
{
    public static ProfileDataRegistry Registry { get; } =
        new ServiceCollection().AddKizunaCore().BuildServiceProvider().GetRequiredService<ProfileDataRegistry>();
}
