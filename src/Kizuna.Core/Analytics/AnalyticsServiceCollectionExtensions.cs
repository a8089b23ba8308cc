using Kizuna.Analytics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<OverviewService>();
        services.AddKizunaMetrics();
        return services;
    }
}
