using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>
/// Skips a text whose number cannot receive one (unreadable, not valid in its region, a landline) with the reason in
/// its history, instead of paying the provider to refuse it.
/// </summary>
public sealed class PhoneNumberCheck(IOptions<SmsOptions> options) : ISendCheck
{
    public Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            if (message.Channel == MessageChannel.Sms && message.Recipient is not null
                && E164.Normalise(message.Recipient, options.Value.DefaultRegion, out var reason) is null)
            {
                decisions.Suppress(message, reason!);
            }
        }

        return Task.CompletedTask;
    }
}
