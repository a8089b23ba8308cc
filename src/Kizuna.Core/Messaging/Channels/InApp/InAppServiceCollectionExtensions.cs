using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.InApp;

public static class InAppServiceCollectionExtensions
{
    /// <summary>In-app messages and content cards: their composers and adapters on their outbox queues, the per-customer store, live signals, engagement and identity verification.</summary>
    public static IServiceCollection AddKizunaInApp(this IServiceCollection services)
    {
        services.AddOptions<InAppOptions>().BindConfiguration(InAppOptions.Section);
        services.AddSingleton<InAppStore>();
        services.AddSingleton<InAppSignals>();
        services.AddSingleton<InAppDelivery>();
        services.AddSingleton<InAppEngagement>();
        services.AddSingleton<IdentitySecrets>();

        services.AddSingleton<InAppComposer>();
        services.AddSingleton<InAppChannel>();
        AddQueue<ChannelSendHandler<InAppComposer, InAppChannel>>(services, MessageChannel.InApp);
        services.AddSingleton<ContentCardComposer>();
        services.AddSingleton<ContentCardChannel>();
        AddQueue<ChannelSendHandler<ContentCardComposer, ContentCardChannel>>(services, MessageChannel.ContentCard);
        return services;
    }

    private static void AddQueue<THandler>(IServiceCollection services, MessageChannel channel)
        where THandler : class, IJobHandler
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MessagingOptions>>().Value;
            return new JobQueueSettings(OutboxJobs.Queue(channel), Math.Min(options.BatchSize, 100), TimeSpan.FromMinutes(2), options.MaxAttempts);
        });
        services.AddKeyedSingleton<IJobHandler, THandler>(OutboxJobs.Queue(channel));
    }
}
