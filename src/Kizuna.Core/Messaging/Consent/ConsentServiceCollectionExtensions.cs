using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Tracking;
using Kizuna.Work.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Messaging.Consent;

public static class ConsentServiceCollectionExtensions
{
    /// <summary>
    /// Consent, guardrails and tracking: subscription groups and answers (from traits, the API and the customer's own
    /// pages), the send checks in the order they decide (consent, control group, quiet hours, frequency caps, send rates; after
    /// the suppression list), the workspace's settings, and the open pixel and click redirects.
    /// </summary>
    public static IServiceCollection AddKizunaConsent(this IServiceCollection services)
    {
        services.AddSingleton<MessagingSettingsStore>();
        services.AddSingleton<SubscriptionGroupStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<EngagementEvents>();
        services.AddSingleton<DoubleOptIn>();
        services.AddSingleton<ConsentService>();
        services.AddSingleton<ConsentRecipients>();
        services.AddSingleton<IChangeConsumer, ConsentFromTraits>();

        services.AddSingleton<ISendCheck, ConsentCheck>();
        services.AddSingleton<ISendCheck, ControlGroupCheck>();
        services.AddSingleton<ISendCheck, QuietHoursCheck>();
        services.AddSingleton<ISendCheck, FrequencyCapCheck>();
        services.AddSingleton<ISendCheck, SendRateCheck>();

        services.AddSingleton<TrackingLinks>();
        services.AddSingleton<EngagementTracker>();
        services.AddSingleton<IContentFilter, EmailTracking>();
        return services;
    }
}
