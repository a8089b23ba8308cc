using Kizuna.Messaging.ChannelChecks;
using Kizuna.Messaging.Log;
using Kizuna.Messaging.Previews;
using Kizuna.Messaging.WebView;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Messaging;

/// <summary>What reads messages for people rather than sending them: the message log, template previews, web views, channel connection tests.</summary>
public static class MessageViewsServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaMessageViews(this IServiceCollection services)
    {
        services.AddSingleton<MessageLog>();
        services.AddSingleton<MessagePreviewer>();
        services.AddSingleton<WebViews>();
        services.AddSingleton<SmtpConnectionTest>();
        services.AddSingleton<SmsConnectionTest>();
        services.AddSingleton<PushConnectionTest>();
        return services;
    }
}
