using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo data generator behind <c>kizuna demo</c>, and its in-app messages and cards.</summary>
    public static IServiceCollection AddKizunaDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoDataGenerator>();
        services.AddSingleton<DemoMessages>();
        return services;
    }
}
