using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Analytics.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>The metrics readers and <see cref="MetricsService"/> (all stateless, over the database).</summary>
    public static IServiceCollection AddKizunaMetrics(this IServiceCollection services)
    {
        services.AddSingleton<CommerceMetricsReader>();
        services.AddSingleton<NpsReader>();
        services.AddSingleton<EngagementReader>();
        services.AddSingleton<CohortReader>();
        services.AddSingleton<SliceReader>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<Baskets.BasketService>();
        return services;
    }
}
