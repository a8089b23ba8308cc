using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo data generator behind <c>kizuna demo</c>, its in-app messages and cards, its past campaigns and its live journeys.</summary>
    public static IServiceCollection AddKizunaDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoDataGenerator>();
        services.AddSingleton<DemoMessages>();
        services.AddSingleton<DemoCampaignDriver>();
        services.AddSingleton<DemoCampaignHistory>();
        services.AddSingleton<DemoJourneys>();
        return services;
    }

    /// <summary>The demo clock as the application's clock, so the demo can send its past campaigns at their own times.</summary>
    public static IServiceCollection AddKizunaDemoClock(this IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new DemoClock(TimeProvider.System));
}
