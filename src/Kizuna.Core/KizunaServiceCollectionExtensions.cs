using Kizuna.Analytics;
using Kizuna.Campaigns;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Journeys;
using Kizuna.Messaging;
using Kizuna.Profiles;
using Kizuna.Segments;
using Kizuna.Storage;
using Kizuna.Work;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kizuna;

public static class KizunaServiceCollectionExtensions
{
    /// <summary>Every feature of Kizuna.Core, each registered by its own folder.</summary>
    public static IServiceCollection AddKizunaCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddKizunaStorage()
            .AddKizunaWork()
            .AddKizunaWorkspaces()
            .AddKizunaIngestion()
            .AddKizunaProfiles()
            .AddKizunaCommerce()
            .AddKizunaSegments()
            .AddKizunaAnalytics()
            .AddKizunaMessagingData()
            .AddKizunaCampaignsData()
            .AddKizunaJourneysData();
    }
}
