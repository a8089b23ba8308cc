using Kizuna.Work.ProfileData;
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
        services.AddProfileData(new ProfileTable("product_days")
        {
            // The orders' triggers count a merged customer's days again as the orders move; adding the rows up first
            // keeps the key unique whichever table the merge reaches first.
            OnMerge = MergeRule.AddUp(key: ["currency", "product_id", "day"], sum: ["orders", "revenue", "quantity"], max: ["name"]),
            Export = new ExportColumns { Money = ["revenue"], OrderBy = ["day", "currency", "product_id"] },
        }, new ProfileTable("customer_purchases")
        {
            // The orders' triggers count the survivor's row again as the merged customer's orders move to it; keeping
            // the survivor's row meanwhile keeps the key unique whichever table the merge reaches first.
            OnMerge = MergeRule.KeepSurvivor("currency"),
            Export = new ExportColumns { Money = ["net", "first_day_net"], Times = ["last_at"], OrderBy = ["currency"] },
        });
        return services;
    }
}
