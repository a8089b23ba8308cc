using Kizuna.Work.ProfileData;
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
        services.AddProfileData(
            new ProfileTable("profiles")
            {
                ProfileColumn = "id",
                // A merged profile keeps its row, marked by the writer; the profiles merged into it before follow it.
                OnMerge = MergeRule.MoveColumn("merged_into"),
                Export = new ExportColumns
                {
                    Json = ["traits", "context"],
                    Times = ["traits_updated_at", "first_seen", "last_seen", "first_order_at", "last_order_at"],
                    Money = ["total_spent"],
                    Omit = ["context_key"],
                },
            },
            new ProfileTable("identities"),
            new ProfileTable("events")
            {
                Export = new ExportColumns { Json = ["properties", "context"], Times = ["ts", "received_at"], Uuids = ["event_id"], OrderBy = ["ts", "id"] },
            },
            new ProfileTable("event_counts")
            {
                OnMerge = MergeRule.AddUp(key: ["name"], sum: ["count"], min: ["first_at"], max: ["last_at"]),
                Export = new ExportColumns { Times = ["first_at", "last_at"] },
            },
            new ProfileTable("daily_counts") { OnMerge = MergeRule.AddUp(key: ["name", "day"], sum: ["count"]) },
            new ProfileTable("account_members")
            {
                OnMerge = MergeRule.AddUp(key: ["group_id"], min: ["first_at"], max: ["last_at"]),
                Export = new ExportColumns { Times = ["first_at", "last_at"] },
            },
            // An account's traits may describe no one else once its last member is erased.
            ProfileTable.Through("accounts", parent: "account_members", key: "group_id") with
            {
                Export = new ExportColumns { Json = ["traits"], Times = ["traits_updated_at", "first_seen", "last_seen"] },
            });
        return services;
    }
}
