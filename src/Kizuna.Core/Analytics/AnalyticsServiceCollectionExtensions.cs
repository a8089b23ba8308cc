using Kizuna.Analytics.Metrics;
using Kizuna.Analytics.Scores;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<OverviewService>();
        services.AddKizunaMetrics();
        services.AddKizunaScores();
        return services;
    }
}
