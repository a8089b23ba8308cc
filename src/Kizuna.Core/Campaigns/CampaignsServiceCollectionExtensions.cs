using Kizuna.Campaigns.Reports;
using Kizuna.Campaigns.Sending;
using Kizuna.Campaigns.Storage;
using Kizuna.Messaging.Checks;
using Kizuna.Work.Jobs;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Campaigns;

public static class CampaignsServiceCollectionExtensions
{
    /// <summary>
    /// The audience snapshots in the per-profile registry. <c>AddKizunaCore</c> calls it: the table exists whether or not
    /// this node sends, and merges, erasures and exports must cover it either way.
    /// </summary>
    public static IServiceCollection AddKizunaCampaignsData(this IServiceCollection services) =>
        services.AddProfileData(new ProfileTable("campaign_recipients")
        {
            // A merged profile keeps the survivor's place in a run it was targeted by twice.
            OnMerge = MergeRule.KeepSurvivor("campaign_id", "run"),
            Export = new ExportColumns { Times = ["due_at"], OrderBy = ["campaign_id", "run"] },
        });

    /// <summary>
    /// Campaigns: the store, the service, the run steps on the <c>campaigns</c> queue and the send check that holds a
    /// paused or cancelled campaign's messages. Needs messaging (<c>AddKizunaMessaging</c>).
    /// </summary>
    public static IServiceCollection AddKizunaCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<RecipientStore>();
        services.AddSingleton<DispatchStore>();
        services.AddSingleton<AudienceReader>();
        services.AddSingleton<ReportReader>();
        services.AddSingleton<CampaignReports>();
        services.AddSingleton<ChannelReadiness>();
        services.AddSingleton<CampaignPreflight>();
        services.AddSingleton<CampaignSnapshot>();
        services.AddSingleton<CampaignDispatcher>();
        services.AddSingleton<CampaignRunner>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<ISendCheck, CampaignCheck>();
        services.AddJobHandler<CampaignJobHandler>(CampaignJobHandler.Settings);
        return services;
    }
}
