using System.Net;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Channels.Email.Catcher;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Export;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Messaging.Suppressions;
using Kizuna.Messaging.Suppressions.Inbound;
using Kizuna.Work.Jobs;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The outbox's tables in the per-profile registry. <c>AddKizunaCore</c> calls it: the tables exist whether or not
    /// this node sends, and merges, erasures and exports must cover them either way.
    /// </summary>
    public static IServiceCollection AddKizunaMessagingData(this IServiceCollection services) =>
        services.AddProfileData(
            new ProfileTable("messages")
            {
                // The sends stay for the totals they feed; the address and the data go, and a queued one is suppressed.
                OnErase = EraseRule.Anonymise("recipient", "data", "last_error"),
                Export = new ExportColumns { Json = ["data"], Times = ["next_attempt_at", "created_at", "updated_at", "sent_at"], OrderBy = ["id"] },
            },
            new ProfileTable("message_history")
            {
                OnErase = EraseRule.Anonymise("detail"),
                Export = new ExportColumns { Times = ["at"], OrderBy = ["message_id", "at"] },
            },
            new ProfileTable("push_devices")
            {
                Export = new ExportColumns { Times = ["created_at", "updated_at", "retired_at"], OrderBy = ["token"] },
            },
            new ProfileTable("subscriptions")
            {
                // The stricter answer wins a merge: the states' names order unsubscribed > subscribed > pending > opted_in.
                OnMerge = MergeRule.AddUp(key: ["channel", "group_id"], max: ["state", "source", "changed_at"]),
                Export = new ExportColumns { Times = ["changed_at"], OrderBy = ["channel", "group_id"] },
            },
            new ProfileTable("in_app_items")
            {
                Export = new ExportColumns { Json = ["content"], Times = ["created_at", "expires_at", "seen_at", "clicked_at", "dismissed_at"], OrderBy = ["message_id"] },
            },
            new ProfileTable("suppressed_addresses")
            {
                // Keyed by address, not profile: the entry names the profile that had the address, so erasing it
                // takes the plain address off the list (the erased-customer hashes keep blocking it).
                Export = new ExportColumns { Times = ["created_at"], OrderBy = ["channel", "address"] },
            });

    /// <summary>The outbox, the send checks, the email channel (and its catcher for the demo) and signed links.</summary>
    public static IServiceCollection AddKizunaMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSender>();
        services.AddMetrics();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<MessageTemplates>();
        services.AddSingleton<SentEvents>();
        services.AddSingleton<LinkKeys>();
        services.AddSingleton<MessageLinkSigner>();
        services.AddSingleton<ContentValidator>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<ISendCheck, SuppressionCheck>();
        services.AddSingleton<SuppressionStore>();
        services.AddSingleton<SuppressionService>();
        services.AddSingleton<BounceRecorder>();
        services.AddKizunaConsent();
        services.AddKizunaMessageViews();

        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<Kizuna.Templates.ITemplateExtension, EmailTextFilters>();
        services.AddSingleton<EmailMessageFactory>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<SmtpCatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SmtpCatcher>());
        services.AddOptions<BounceMailboxOptions>().BindConfiguration(BounceMailboxOptions.Section)
            .Validate(o => IPAddress.TryParse(o.Address, out _) && o.Port is >= 0 and <= 65_535, "Messaging:BounceMailbox: Address must be an IP address and Port 0–65535.")
            .ValidateOnStart();
        services.AddSingleton<InboundReports>();
        services.AddSingleton<BounceMailbox>();
        services.AddHostedService(sp => sp.GetRequiredService<BounceMailbox>());

        // The queue's batch and attempts come from the options, so they are read when the worker starts.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MessagingOptions>>().Value;
            return new JobQueueSettings(OutboxJobs.Queue(MessageChannel.Email), options.BatchSize, TimeSpan.FromMinutes(2), options.MaxAttempts);
        });
        services.AddKeyedSingleton<IJobHandler, ChannelSendHandler<EmailComposer, EmailChannel>>(OutboxJobs.Queue(MessageChannel.Email));
        services.AddKizunaMessagingChannels();
        services.AddKizunaEngagementExport();
        return services;
    }
}
