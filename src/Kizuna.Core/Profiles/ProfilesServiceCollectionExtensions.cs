using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Profiles;

public static class ProfilesServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaProfiles(this IServiceCollection services)
    {
        services.AddSingleton<ProfileService>();
        services.AddSingleton<PrivacyService>();
        return services;
    }
}
