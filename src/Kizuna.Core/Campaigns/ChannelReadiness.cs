using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kizuna.Campaigns;

/// <summary>
/// Whether a channel can send from this installation: its outbox queue has a sender, and SMS and push have their
/// provider's account (or the demo catcher). Email and webhooks need no account beyond their defaults.
/// </summary>
public sealed class ChannelReadiness(IServiceProvider services, IOptions<SmsOptions> sms, IOptions<PushOptions> push)
{
    /// <summary>Null when the channel can send, else why not.</summary>
    public string? Problem(MessageChannel channel)
    {
        var name = MessageChannels.Name(channel);
        if (services.GetKeyedService<IJobHandler>(OutboxJobs.Queue(channel)) is null)
        {
            return $"The {name} channel has no sender on this server.";
        }

        return channel switch
        {
            MessageChannel.Sms when !sms.Value.Configured => "The sms channel is not configured: set Messaging:Sms (the provider's account) first.",
            MessageChannel.Push when !push.Value.UseCatcher && string.IsNullOrEmpty(push.Value.ProjectId) =>
                "The push channel is not configured: set Messaging:Push (the project and its service account) first.",
            _ => null,
        };
    }
}
