using Dapper;
using Kizuna.Campaigns.Storage;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Kizuna.Templates.Store;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Options;

namespace Kizuna.Campaigns.Sending;

/// <summary>
/// Moves a run's due recipients into the outbox a chunk per job, at the campaign's send rate, while the campaign is
/// sending: a pause or cancel stops the chain at the next chunk. Once every recipient is in the outbox the chain
/// looks every <see cref="DrainCheck"/> for the run's messages still on their way out, and the campaign stays
/// sending (so it can still be paused or cancelled) until there are none. Each message's key is
/// <c>campaign:&lt;id&gt;:run:&lt;n&gt;:profile:&lt;id&gt;</c>, so a chunk queued again (a crash before its
/// recipients were marked, a second node, a resumed chain overlapping the old one) sends nobody twice.
/// </summary>
public sealed class CampaignDispatcher(
    CampaignStore campaigns, RecipientStore runs, DispatchStore recipients, AudienceReader audience, OutboxStore outbox,
    TemplateStore templates, JobQueue jobs, Database database, IOptions<SmsOptions> sms, TimeProvider time)
{
    public const int Chunk = 1_000;

    /// <summary>
    /// How far (in message ids) the chain may run ahead of the outbox: past it, the next chunk waits a
    /// <see cref="DrainCheck"/> for the outbox to catch up. A pause then holds, and a cancel drops, at most this many
    /// messages already queued, rather than the whole rest of a large audience.
    /// </summary>
    public const int Window = 5_000;

    public static readonly TimeSpan DrainCheck = TimeSpan.FromSeconds(1);

    public async Task DispatchAsync(CampaignJob job, CancellationToken ct)
    {
        if (await campaigns.FindAsync(job.WorkspaceId, job.CampaignId, ct) is not { State: CampaignState.Sending } campaign
            || await runs.RunAsync(job.WorkspaceId, job.CampaignId, job.Run, ct) is not { SnapshotDone: true, FinishedAt: null })
        {
            return;   // paused, cancelled, or the snapshot still under way (its end starts the chain)
        }

        var d = campaign.Definition;
        var now = time.GetUtcNow();
        var size = d.SendRatePerSecond is { } rate ? Math.Min(rate, Chunk) : Chunk;
        var since = job.Since;
        if (job.Last > 0)
        {
            since = await FirstUnfinishedAsync(campaign, job.Since, ct) ?? job.Last + 1;
            if (job.Last - since >= Window)
            {
                await jobs.EnqueueAsync((job with { After = job.After + 1, Since = since }).ToJob(now + DrainCheck), ct);
                return;
            }
        }

        var due = await recipients.DueAsync(job.WorkspaceId, job.CampaignId, job.Run, now, size, ct);
        if (due.Count > 0)
        {
            var (first, last) = await QueueAsync(campaign, job.Run, due, ct);
            var pause = d.SendRatePerSecond is { } r ? TimeSpan.FromSeconds((double)due.Count / r) : TimeSpan.Zero;
            await jobs.EnqueueAsync((job with
            {
                After = job.After + 1,
                Since = job.Last > 0 ? since : first ?? job.Since,
                Last = Math.Max(job.Last, last ?? 0),
            }).ToJob(now + pause), ct);
            return;
        }

        var (next, held) = await recipients.RemainingAsync(job.WorkspaceId, job.CampaignId, job.Run, ct);
        if (next is { } at)
        {
            await jobs.EnqueueAsync((job with { After = job.After + 1 }).ToJob(at), ct);
        }
        else if (held == 0)
        {
            if (await FirstUnfinishedAsync(campaign, job.Since, ct) is { } unfinished)
            {
                await jobs.EnqueueAsync((job with { After = job.After + 1, Since = unfinished }).ToJob(now + DrainCheck), ct);
                return;
            }

            await runs.FinishRunAsync(job.WorkspaceId, job.CampaignId, job.Run, ct);
            var more = d.Schedule.Kind == ScheduleKind.Recurring ? campaign.NextRunAt : null;
            await campaigns.MoveAsync(job.WorkspaceId, job.CampaignId, [CampaignState.Sending], more is null ? CampaignState.Sent : CampaignState.Scheduled, more, ct);
        }
    }

    /// <summary>Queues a chunk and marks its recipients; returns the lowest and highest message id queued.</summary>
    private async Task<(long? First, long? Last)> QueueAsync(Campaign campaign, int run, IReadOnlyList<(long ProfileId, int Variant)> due, CancellationToken ct)
    {
        var d = campaign.Definition;
        var contacts = await audience.ContactsAsync(campaign.WorkspaceId, [.. due.Select(r => r.ProfileId)], ct);
        var versions = new Dictionary<int, int>();
        var marks = new List<(long, string, long?, string?)>();
        var messages = new List<(long ProfileId, NewMessage Message)>();
        foreach (var (profileId, variant) in due)
        {
            if (variant == CampaignSplit.Control)
            {
                marks.Add((profileId, "control", null, null));
                continue;
            }

            if (Recipient(d.Channel, profileId, contacts.GetValueOrDefault(profileId), out var reason) is not { } recipient)
            {
                marks.Add((profileId, "skipped", null, reason));
                continue;
            }

            if (!versions.TryGetValue(variant, out var version))
            {
                var v = d.Variants[variant];
                version = versions[variant] = v.TemplateVersion ?? (await templates.FindAsync(campaign.WorkspaceId, v.TemplateId, null, ct))?.Version ?? 1;
            }

            messages.Add((profileId, new NewMessage(
                campaign.WorkspaceId, profileId, d.Channel, MessageSources.Campaign(campaign.Id, variant),
                $"campaign:{campaign.Id}:run:{run}:profile:{profileId}", d.Variants[variant].TemplateId, version, recipient)
            { SubscriptionGroupId = d.SubscriptionGroupId }));
        }

        var queued = messages.Count == 0 ? [] : await outbox.QueueAsync([.. messages.Select(m => m.Message)], ct);
        marks.AddRange(messages.Select((m, i) => (m.ProfileId, "queued", (long?)queued[i].Id, (string?)null)));
        await recipients.MarkAsync(campaign.WorkspaceId, campaign.Id, run, marks, ct);
        return queued.Count == 0 ? (null, null) : (queued.Min(q => q.Id), queued.Max(q => q.Id));
    }

    /// <summary>
    /// The campaign's first message from id <paramref name="since"/> on that is queued, deferred or being sent. The
    /// outbox sends roughly in id order, so walking the workspace's messages from the last answer stops soon.
    /// </summary>
    private async Task<long?> FirstUnfinishedAsync(Campaign campaign, long since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
            """
            SELECT id FROM messages WHERE workspace_id = @workspaceId AND id >= @since AND source LIKE @source
              AND state IN ('queued', 'deferred', 'sending')
            ORDER BY id LIMIT 1
            """,
            new { workspaceId = campaign.WorkspaceId, since, source = $"campaign:{campaign.Id}:%" }, cancellationToken: ct));
    }

    private string? Recipient(MessageChannel channel, long profileId, (string? Email, string? Phone) contact, out string? reason)
    {
        reason = null;
        switch (channel)
        {
            case MessageChannel.Email when contact.Email is null:
                reason = "The profile has no email address.";
                return null;
            case MessageChannel.Email:
                return contact.Email;
            case MessageChannel.Sms:
                return E164.Normalise(contact.Phone, sms.Value.DefaultRegion, out reason);
            default:
                return profileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
