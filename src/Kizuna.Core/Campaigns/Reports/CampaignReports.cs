using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Suppressions;
using Kizuna.Messaging.Tracking;
using Kizuna.Storage;

namespace Kizuna.Campaigns.Reports;

/// <summary>
/// Builds a campaign's report from its snapshot, the outbox and the events messaging and the customers wrote back.
/// Engagement belongs to a message by the event's <c>message_id</c>. A conversion belongs to the campaign's message
/// when that was the last message Kizuna delivered to the customer before it, within the goal's window; the control
/// converts when the event falls within the window after the time it would have been messaged. Customers the global
/// control group held back form the global control.
/// </summary>
public sealed class CampaignReports(ReportReader reader, TimeProvider time)
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(3);
    private static readonly string[] Engagement =
        [EngagementTracker.Opened, EngagementTracker.Clicked, "Email Bounced", "SMS Bounced", SuppressionService.ComplainedEvent, "Unsubscribed"];

    public async Task<CampaignReport> BuildAsync(Campaign campaign, CancellationToken ct)
    {
        var d = campaign.Definition;
        var window = (long)(d.Goal?.Window ?? DefaultWindow).TotalMilliseconds;
        var recipients = await reader.RecipientsAsync(campaign.WorkspaceId, campaign.Id, ct);
        var since = recipients.Count == 0 ? Epoch.ToMs(time.GetUtcNow()) : recipients.Min(r => r.DueAt);
        var events = await reader.EventsAsync(campaign.WorkspaceId, campaign.Id, [.. Engagement, .. d.Goal?.Events ?? []], since, ct);
        var touches = (await reader.TouchesAsync(campaign.WorkspaceId, campaign.Id, since, ct)).ToLookup(t => t.ProfileId);

        var groups = new ReportGroups(d.Variants.Count);
        var byMessage = new Dictionary<long, RecipientFact>();
        foreach (var r in recipients)
        {
            groups.Count(r);
            if (r.MessageId is { } id)
            {
                byMessage[id] = r;
            }
        }

        foreach (var e in events.OrderBy(e => e.Ts))
        {
            // The campaign's message the customer last received within the window before the event, if any.
            var touch = touches[e.ProfileId].Where(t => t.SentAt <= e.Ts).OrderByDescending(t => t.SentAt).FirstOrDefault();
            var lastTouched = touch.MessageId != 0 && e.Ts - touch.SentAt <= window && byMessage.TryGetValue(touch.MessageId, out var last) ? last : null;
            var own = ConversionEvent.MessageId(e) is { } mid && byMessage.TryGetValue(mid, out var m) ? m : lastTouched;
            if (d.Goal is { } goal && ConversionEvent.Read(e, goal) is { Matches: true } conversion)
            {
                groups.Convert(lastTouched, e, window, conversion.Currency, conversion.Amount);
            }
            else if (own is not null)
            {
                groups.Engage(own, e);
            }
        }

        var stats = groups.Build(d, campaign.Winner);
        return new CampaignReport(campaign.Id, time.GetUtcNow(), stats.Total, stats.Variants, stats.Control, stats.GlobalControl, stats.Uplift, stats.Comparisons, stats.Winner, stats.Days);
    }

    /// <summary>The variant leading on the test's metric (the first on a tie).</summary>
    public async Task<int> LeaderAsync(Campaign campaign, CancellationToken ct)
    {
        var report = await BuildAsync(campaign, ct);
        var metric = campaign.Definition.Test?.Metric ?? WinnerMetric.ClickRate;
        return report.Variants.OrderByDescending(v => ReportGroups.Rate(v, metric).Rate).ThenBy(v => v.Index).First().Index;
    }

    public async Task<IReadOnlyList<SkippedRecipient>> SkippedAsync(long workspaceId, long campaignId, int limit, CancellationToken ct) =>
        [.. (await reader.RecipientsAsync(workspaceId, campaignId, ct))
            .Where(r => ReportGroups.IsSkipped(r) && r.LastError != ControlGroupCheck.Reason)
            .OrderBy(r => r.Run).ThenBy(r => r.ProfileId).Take(limit)
            .Select(r => new SkippedRecipient(r.ProfileId, (int)r.Run, r.Status == "skipped" ? r.Detail ?? "Not sendable." : r.LastError ?? r.State ?? r.Status))];
}
