using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Tracking;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Records customers' answers (from identify traits, the API, the unsubscribe link and the preferences page) and reads
/// them back. A newer answer replaces an older one; an older one arriving late changes nothing. Every change is an
/// event on the profile (<see cref="ConsentEvents"/>). With double opt-in on, subscribing to email stores
/// <c>pending</c> and sends the confirmation (<see cref="DoubleOptIn"/>).
/// </summary>
public sealed class ConsentService(
    SubscriptionStore store, SubscriptionGroupStore groups, MessagingSettingsStore settings, EngagementEvents events, DoubleOptIn doubleOptIn)
{
    /// <summary>Records answers for one profile; a group the workspace lacks is refused with its field named.</summary>
    public Task<ConsentResult> ApplyAsync(long workspaceId, long profileId, IReadOnlyList<ConsentChange> changes, CancellationToken ct) =>
        ApplyAsync(workspaceId, profileId, changes, skipUnknownGroups: false, recordedAs: null, ct);

    /// <summary>
    /// Records answers for one profile; a group the workspace lacks is refused, or skipped with
    /// <paramref name="skipUnknownGroups"/>. <paramref name="recordedAs"/> names the event on the profile the answers
    /// came in (a tracked <c>Unsubscribed</c>): a change that event already records is not recorded a second time.
    /// </summary>
    public async Task<ConsentResult> ApplyAsync(
        long workspaceId, long profileId, IReadOnlyList<ConsentChange> changes, bool skipUnknownGroups, string? recordedAs, CancellationToken ct)
    {
        var known = await groups.ListAsync(workspaceId, ct);
        var consent = (await settings.GetAsync(workspaceId, ct)).Consent;
        var stored = await store.ReadAsync(workspaceId, profileId, ct);
        var resolved = new List<(ConsentChange Change, SubscriptionGroup? Group, SubscriptionState State)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            SubscriptionGroup? group = null;
            if (change.GroupKey is { } key && (group = known.FirstOrDefault(g => g.Key == key)) is null)
            {
                if (skipUnknownGroups)
                {
                    continue;
                }

                return ConsentResult.Refused($"changes[{i}].group", $"This workspace has no subscription group '{key}'.");
            }

            var channel = group?.Channel ?? change.Channel;
            var current = stored.FirstOrDefault(s => s.Channel == channel && s.GroupId == (group?.Id ?? 0))?.State;
            var state = change.State;
            if (state == SubscriptionState.Subscribed && current == SubscriptionState.OptedIn)
            {
                continue;   // a plain yes after an explicit one changes nothing
            }

            if (state == SubscriptionState.Subscribed && group is null && channel == MessageChannel.Email && consent.DoubleOptInTemplateId is not null
                && change.Source != DoubleOptIn.Source)
            {
                state = SubscriptionState.Pending;
            }

            resolved.Add((change with { Channel = channel }, group, state));
        }

        var written = await store.WriteAsync(workspaceId, profileId, [.. resolved.Select(r => (r.Change.Channel, r.Group?.Id ?? 0L, r.State, r.Change.Source, r.Change.At))], ct);
        var applied = written.Select(w => new ConsentApplied(
            resolved[w.Key].Change, resolved[w.Key].Group, w.Value ?? resolved[w.Key].Group?.Default ?? SubscriptionState.Subscribed, resolved[w.Key].State)).ToList();
        foreach (var pending in applied.Where(a => a.State == SubscriptionState.Pending))
        {
            await doubleOptIn.SendAsync(workspaceId, profileId, consent.DoubleOptInTemplateId!.Value, pending.Change.At, ct);
        }

        await events.RecordAsync([.. applied.Select(a => ConsentEvents.For(workspaceId, profileId, a)).Where(e => e.Name != recordedAs)], ct);
        return new ConsentResult(applied);
    }

    public async Task<ConsentView> ReadAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        var known = await groups.ListAsync(workspaceId, ct);
        var consent = (await settings.GetAsync(workspaceId, ct)).Consent;
        var stored = await store.ReadAsync(workspaceId, profileId, ct);
        return View(known, consent, stored);
    }

    /// <summary>A profile's answers as they stand, the defaults filled in.</summary>
    public static ConsentView View(IReadOnlyList<SubscriptionGroup> groups, ConsentSettings consent, IReadOnlyList<Subscription> stored)
    {
        var channels = ConsentView.CustomerChannels.Select(channel =>
        {
            var answer = stored.FirstOrDefault(s => s.Channel == channel && s.GroupId == 0);
            var state = answer?.State ?? SubscriptionState.Subscribed;
            return new ChannelConsent(channel, null, state, answer?.Source, answer?.ChangedAt, SubscriptionStates.AllowsMarketing(state, consent.IsOptIn(channel)));
        }).ToList();
        var byGroup = groups.Where(g => !g.Archived).Select(group =>
        {
            var answer = stored.FirstOrDefault(s => s.GroupId == group.Id);
            var state = answer?.State ?? group.Default;
            var channelOpen = channels.FirstOrDefault(c => c.Channel == group.Channel)?.ReceivesMarketing ?? true;
            return new ChannelConsent(group.Channel, group, state, answer?.Source, answer?.ChangedAt, channelOpen && SubscriptionStates.AllowsMarketing(state, optInOnly: false));
        }).ToList();
        return new ConsentView(channels, byGroup);
    }
}
