using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kizuna.Work;

public static class WorkServiceCollectionExtensions
{
    /// <summary>Durable work: the job queue, the change feed and the registry of per-profile data.</summary>
    public static IServiceCollection AddKizunaWork(this IServiceCollection services)
    {
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<WorkStatus>();
        services.AddKizunaJobs();
        services.TryAddSingleton<ProfileDataRegistry>();
        services.AddKizunaChanges();
        return services;
    }
}
