using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Work.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Runs the jobs of <paramref name="settings"/>' queue with <typeparamref name="THandler"/> on this node
    /// (a singleton, keyed by the queue name).
    /// </summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, JobQueueSettings settings)
        where THandler : class, IJobHandler
    {
        services.AddSingleton(settings);
        services.AddKeyedSingleton<IJobHandler, THandler>(settings.Queue);
        return services;
    }

    /// <summary>The queue, its options and the worker; <c>AddKizunaWork</c> calls it.</summary>
    internal static IServiceCollection AddKizunaJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobQueue>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}
