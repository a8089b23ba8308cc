using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<IngestStore>();
        services.AddHostedService<IngestionWriter>();
        services.AddSingleton<LiveEventFeed>();
        services.AddSingleton<ICommittedBatchObserver>(sp => sp.GetRequiredService<LiveEventFeed>());
        services.AddSingleton<Profiles.IErasureObserver>(sp => sp.GetRequiredService<LiveEventFeed>());
        return services;
    }
}
