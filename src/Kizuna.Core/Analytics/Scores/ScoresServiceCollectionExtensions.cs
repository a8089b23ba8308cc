using Kizuna.Analytics.Baskets;
using Kizuna.Imports;
using Kizuna.Work.Jobs;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kizuna.Analytics.Scores;

public static class ScoresServiceCollectionExtensions
{
    /// <summary>The per-customer scores: the refresh, its queue and job handler, the daily schedule, the refresh after imports.</summary>
    public static IServiceCollection AddKizunaScores(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ScoreRefresher)))
        {
            return services;   // registered once: a second job handler for the queue would stop the worker
        }

        services.AddOptions<ScoresOptions>().BindConfiguration(ScoresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoresOptions>, ScoresOptionsValidator>());
        services.AddSingleton<PurchaseReader>();
        services.AddSingleton<ScoreWriter>();
        services.AddSingleton<BasketRefresher>();
        services.AddSingleton<ScoreRefresher>();
        services.AddSingleton<ScoreRefreshQueue>();
        services.AddSingleton<ScoreReader>();
        services.AddSingleton<IImportObserver, ScoresAfterImport>();
        services.AddJobHandler<ScoreRefreshJobHandler>(ScoreRefreshJobHandler.Settings);
        services.AddHostedService<ScoreRefreshScheduler>();
        services.AddProfileData(new ProfileTable("customer_scores")
        {
            // Computed again on the next refresh; until then the survivor's own scores stand.
            OnMerge = MergeRule.KeepSurvivor(),
            Export = new ExportColumns { Times = ["computed_at"] },
        });
        return services;
    }
}
