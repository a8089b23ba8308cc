using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Never send marketing to someone who said no: a marketing message is suppressed when its recipient unsubscribed
/// from its channel or its subscription group, has not opted in where the channel or group asks for it, or has not
/// yet confirmed a double opt-in. Transactional messages pass unless the workspace says otherwise; a double opt-in's
/// own confirmation always does.
/// </summary>
public sealed class ConsentCheck(SubscriptionStore store, SubscriptionGroupStore groups, MessagingSettingsStore settings) : ISendCheck
{
    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        foreach (var workspace in messages.GroupBy(m => m.WorkspaceId))
        {
            var consent = (await settings.GetAsync(workspace.Key, ct)).Consent;
            var checkedHere = workspace.Where(m => m.Source != DoubleOptIn.Source && (!m.Transactional || !consent.TransactionalBypassesConsent)).ToList();
            if (checkedHere.Count == 0)
            {
                continue;
            }

            var known = await groups.ListAsync(workspace.Key, ct);
            var stored = await store.ReadManyAsync(workspace.Key, [.. checkedHere.Where(m => m.ProfileId > 0).Select(m => m.ProfileId).Distinct()], ct);
            foreach (var message in checkedHere)
            {
                if (Refusal(message, consent, known, stored.GetValueOrDefault(message.ProfileId) ?? []) is { } reason)
                {
                    decisions.Suppress(message, reason);
                }
            }
        }
    }

    /// <summary>Why the message may not go, or null when it may; reasons name the channel or group, never the person.</summary>
    public static string? Refusal(OutboxMessage message, ConsentSettings consent, IReadOnlyList<SubscriptionGroup> groups, IReadOnlyList<Subscription> stored)
    {
        var channel = MessageChannels.Name(message.Channel);
        var answer = stored.FirstOrDefault(s => s.Channel == message.Channel && s.GroupId == 0)?.State ?? SubscriptionState.Subscribed;
        var optInOnly = consent.IsOptIn(message.Channel);
        if (!SubscriptionStates.AllowsMarketing(answer, optInOnly))
        {
            return answer switch
            {
                SubscriptionState.Unsubscribed => $"No consent: the recipient unsubscribed from {channel}.",
                SubscriptionState.Pending => $"No consent: the recipient has not confirmed the {channel} double opt-in yet.",
                _ => $"No consent: {channel} needs an explicit opt-in, which the recipient has not given.",
            };
        }

        if (message.SubscriptionGroupId is not { } groupId)
        {
            return null;
        }

        if (groups.FirstOrDefault(g => g.Id == groupId) is not { } group)
        {
            return "No consent: the message's subscription group no longer exists.";
        }

        var inGroup = stored.FirstOrDefault(s => s.GroupId == groupId)?.State ?? group.Default;
        // A group's policy decides only its default: whoever subscribed to it, plainly or explicitly, is in.
        return SubscriptionStates.AllowsMarketing(inGroup, optInOnly: false) ? null
            : inGroup == SubscriptionState.Unsubscribed && !group.OptIn ? $"No consent: the recipient left the subscription group '{group.Key}'."
            : $"No consent: the recipient is not subscribed to the subscription group '{group.Key}'.";
    }
}
