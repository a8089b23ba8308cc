using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Profiles;

public static class ProfilesServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaProfiles(this IServiceCollection services)
    {
        services.AddSingleton<ProfileService>();
        services.AddSingleton<PrivacyService>();
        services.AddSingleton<ProfileValueReader>();
        services.AddSingleton<ProfileBatchReader>();
        services.AddProfileData(new ProfileTable("profile_values")
        {
            // Computed again by their owner on its next refresh; until then the survivor's own values stand.
            OnMerge = MergeRule.KeepSurvivor("name"),
            Export = new ExportColumns { Times = ["computed_at"] },
        });
        return services;
    }
}
