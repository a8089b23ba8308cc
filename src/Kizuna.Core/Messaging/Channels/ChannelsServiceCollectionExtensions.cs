using Kizuna.Messaging.Channels.Catchers;
using Kizuna.Messaging.Channels.InApp;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP channels: SMS (a Twilio-shaped API), push (FCM HTTP v1) and signed webhooks, each on its outbox queue,
    /// with the demo's catcher answering in place of their providers when a channel's <c>UseCatcher</c> is set.
    /// </summary>
    public static IServiceCollection AddKizunaMessagingChannels(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<ChannelCatcher>();
        services.AddSingleton<DeliveryReceipts>();

        services.AddSingleton<SmsComposer>();
        services.AddSingleton<SmsChannel>();
        services.AddSingleton<ISendCheck, PhoneNumberCheck>();
        Client(services, SmsChannel.ClientName, MessageChannel.Sms, sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.UseCatcher, _ => new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        AddQueue<ChannelSendHandler<SmsComposer, SmsChannel>>(services, MessageChannel.Sms);

        services.AddSingleton<WebhookComposer>();
        services.AddSingleton<WebhookChannel>();
        Client(services, WebhookChannel.ClientName, MessageChannel.Webhook, sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.UseCatcher, _ => HttpConnectedContentFetcher.CreateHandler(allowPrivateNetworks: false));
        Client(services, WebhookChannel.PrivateClientName, MessageChannel.Webhook, sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.UseCatcher, _ => HttpConnectedContentFetcher.CreateHandler(allowPrivateNetworks: true));
        AddQueue<ChannelSendHandler<WebhookComposer, WebhookChannel>>(services, MessageChannel.Webhook);

        services.AddSingleton<PushComposer>();
        services.AddSingleton<PushChannel>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<DeviceStore>();
        services.AddSingleton<IChangeConsumer, DeviceTokenConsumer>();
        Client(services, PushChannel.ClientName, MessageChannel.Push, sp => sp.GetRequiredService<IOptions<PushOptions>>().Value.UseCatcher, _ => new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        AddQueue<ChannelSendHandler<PushComposer, PushChannel>>(services, MessageChannel.Push);

        services.AddKizunaInApp();
        return services;
    }

    /// <summary>A named client that logs nothing of its own (URLs and bodies can name customers), ending at the catcher in the demo.</summary>
    private static void Client(IServiceCollection services, string name, MessageChannel channel, Func<IServiceProvider, bool> useCatcher, Func<IServiceProvider, HttpMessageHandler> handler) =>
        services.AddHttpClient(name)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => useCatcher(sp)
                ? new CatcherHandler(channel, sp.GetRequiredService<ChannelCatcher>(), sp.GetRequiredService<TimeProvider>())
                : handler(sp));

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
