using Dapper;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;

namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// Frequency caps (<see cref="FrequencyCap"/>): a marketing message that would be a profile's (limit + 1)th on its
/// channel within the rolling window is skipped, or deferred until the oldest counted send leaves the window.
/// Sends count from the outbox (<c>sent_at</c>), and the messages of the same batch count as they are allowed (those
/// of its earlier parts too, until their outcomes are in the outbox), so a batch holding two messages for one profile
/// under a cap of one sends one.
/// </summary>
public sealed class FrequencyCapCheck(Database database, MessagingSettingsStore settings, TimeProvider time) : ISendCheck
{
    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var workspace in messages.Where(m => !m.Transactional && m.ProfileId > 0).GroupBy(m => m.WorkspaceId))
        {
            var caps = (await settings.GetAsync(workspace.Key, ct)).FrequencyCaps;
            foreach (var channel in workspace.GroupBy(m => m.Channel))
            {
                foreach (var cap in caps.Where(c => c.Channel == MessageChannels.Name(channel.Key)))
                {
                    var window = Durations.Parse(cap.Window) ?? TimeSpan.FromDays(1);
                    var undecided = channel.Where(m => decisions.For(m.Id) is null).OrderBy(m => m.Id).ToList();
                    var earlier = decisions.Allowed.Where(m => m.WorkspaceId == workspace.Key && m.Channel == channel.Key && !m.Transactional);
                    var sent = await SentAsync(workspace.Key, channel.Key, [.. undecided.Select(m => m.ProfileId).Distinct()], now - window, earlier, now, ct);
                    foreach (var message in undecided)
                    {
                        var times = sent.TryGetValue(message.ProfileId, out var list) ? list : sent[message.ProfileId] = [];
                        if (times.Count < cap.Limit)
                        {
                            times.Add(now);   // this one counts for the rest of the batch
                            continue;
                        }

                        var reason = $"Frequency cap: {cap.Limit} {MessageChannels.Name(channel.Key)} per {cap.Window} reached.";
                        if (cap.Action == "defer")
                        {
                            decisions.Defer(message, times.Min() + window, reason);
                        }
                        else
                        {
                            decisions.Suppress(message, reason);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The send times within the window of each of <paramref name="profileIds"/>: from the outbox, and
    /// <paramref name="earlier"/> parts' messages the outbox does not show as sent yet, counted as sent now.
    /// </summary>
    private async Task<Dictionary<long, List<DateTimeOffset>>> SentAsync(
        long workspaceId, MessageChannel channel, long[] profileIds, DateTimeOffset since, IEnumerable<OutboxMessage> earlier, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(long Id, long ProfileId, long SentAt)>(new CommandDefinition(
            $"""
            SELECT id, profile_id, sent_at FROM messages
            WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("profile_id", "@ids")} AND transactional = 0
              AND sent_at IS NOT NULL AND sent_at > @since AND channel = @channel
            """,
            new { workspaceId, ids = database.Dialect.Ids(profileIds), since = Epoch.ToMs(since), channel = MessageChannels.Name(channel) }, cancellationToken: ct))).ToList();
        var counted = rows.Select(r => r.Id).ToHashSet();
        var wanted = profileIds.ToHashSet();
        return rows.Select(r => (r.ProfileId, At: Epoch.FromMs(r.SentAt)))
            .Concat(earlier.Where(m => wanted.Contains(m.ProfileId) && !counted.Contains(m.Id)).Select(m => (m.ProfileId, At: now)))
            .GroupBy(r => r.ProfileId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.At).ToList());
    }
}
