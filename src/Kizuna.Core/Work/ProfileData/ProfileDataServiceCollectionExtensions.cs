using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Work.ProfileData;

public static class ProfileDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers tables a feature keeps per profile, from the feature's own <c>AddXxx()</c>, so that merges, erasures
    /// and exports cover them (see <see cref="ProfileDataRegistry"/>).
    /// </summary>
    public static IServiceCollection AddProfileData(this IServiceCollection services, params ProfileTable[] tables)
    {
        foreach (var table in tables)
        {
            services.AddSingleton(table);
        }

        return services;
    }
}
