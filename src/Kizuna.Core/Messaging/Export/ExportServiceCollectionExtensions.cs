using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Engagement export: the workspace's webhook endpoints, the change-feed consumer queuing each engagement event for
    /// them, and the queue's sender. Uses the webhook channel's clients and options (<c>AddKizunaMessagingChannels</c>).
    /// </summary>
    public static IServiceCollection AddKizunaEngagementExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookEndpointStore>();
        services.AddSingleton<ExportEventReader>();
        services.AddSingleton<WebhookExportSender>();
        services.AddSingleton<IChangeConsumer, EngagementExportConsumer>();
        services.AddSingleton(sp => new JobQueueSettings(
            ExportJob.Queue, sp.GetRequiredService<IOptions<ExportOptions>>().Value.BatchSize, TimeSpan.FromMinutes(2), EngagementExportHandler.MaxAttempts));
        services.AddKeyedSingleton<IJobHandler, EngagementExportHandler>(ExportJob.Queue);
        return services;
    }
}
