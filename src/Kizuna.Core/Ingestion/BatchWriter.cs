using System.Data.Common;
using System.Runtime.InteropServices;
using Kizuna.Storage;
using Kizuna.Work.Changes;
using Kizuna.Work.ProfileData;

namespace Kizuna.Ingestion;

/// <summary>
/// Writes one transaction's worth of batches: drops repeated messageIds, resolves every message to a profile
/// (creating and merging profiles as identities link up), appends the events and folds the aggregates in memory,
/// so each touched profile, counter and roll-up is written once per transaction however many events it got.
/// </summary>
internal sealed partial class BatchWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IngestionOptions options, ProfileDataRegistry profileData, TimeProvider time)
{
    /// <summary>The <c>daily_counts</c> name under which session starts are counted (not an event: no <c>event_counts</c> row).</summary>
    public const string SessionCountName = "$session";

    private readonly Dictionary<(long Ws, string Kind, string Value), long> _identities = [];
    private readonly Dictionary<(long Ws, string Kind, string Value), long> _newIdentities = [];
    private readonly Dictionary<(long Ws, long Id), ProfileState> _profiles = [];
    private readonly HashSet<(long Ws, string Kind, string Value)> _suppressed = [];
    private readonly List<EventRow> _events = [];
    private readonly Dictionary<(long Ws, long Profile, string Name), (long Count, long First, long Last)> _counts = [];
    private readonly Dictionary<(long Ws, long Profile, string Name, int Day), long> _daily = [];
    private readonly Dictionary<(long Ws, int Day, string Name), long> _workspaceDaily = [];
    private readonly List<Commerce.PendingOrder> _orders = [];
    private readonly List<ProfileMerge> _merges = [];
    private readonly Queue<long> _freeIds = new();

    public async Task<(IngestResult[] Results, CommittedBatch Committed)> WriteAsync(IReadOnlyList<IngestBatch> batches, CancellationToken ct)
    {
        var fresh = await ClaimMessageKeysAsync(batches, ct);
        await LoadIdentitiesAsync(fresh, batches, ct);
        var results = new IngestResult[batches.Count];
        for (var b = 0; b < batches.Count; b++)
        {
            var (messages, duplicates) = fresh[b];
            var suppressed = 0;
            foreach (var message in messages)
            {
                if (IsSuppressed(batches[b].WorkspaceId, message))
                {
                    suppressed++;
                    continue;
                }

                await ApplyAsync(batches[b].WorkspaceId, message, ct);
            }

            results[b] = new IngestResult(messages.Count - suppressed, duplicates, suppressed);
        }

        var changed = _profiles.Values.Where(p => p.Dirty && p.MergedInto is null).Select(p => (p.WorkspaceId, p.Id)).ToList();
        var position = await AppendChangeAsync(changed, ct);
        await using var writes = new PendingWrites(connection, transaction);
        await FlushAsync(writes, position?.Id, ct);
        Change? change = null;
        if (position is { } at)
        {
            var committedAt = time.GetUtcNow();
            ChangeLog.Stamp(writes, at.Id, committedAt);
            change = new Change(at, committedAt, [.. _events.Select(e => new ChangeEvent(
                e.Ws, e.ProfileId, e.EventId, e.Message.MessageId, TypeName(e.Message.Type), e.Message.Name,
                e.Message.Timestamp, e.Message.ReceivedAt, e.Message.PropertiesJson ?? e.Message.TraitsJson))], changed, _merges, []);
        }

        await writes.SendAsync(ct);
        var stored = _events.Select(e => new StoredEvent(e.Ws, e.ProfileId, e.EventId, e.Message.Type, e.Message.Name, e.Message.Timestamp, e.Message.PropertiesJson)).ToList();
        return (results, new CommittedBatch(stored, changed, _merges, change));
    }

    /// <summary>
    /// The transaction's row in the change feed, written before its events so that they carry its id; none when the
    /// transaction met only repeated messages.
    /// </summary>
    private async Task<ChangePosition?> AppendChangeAsync(List<(long WorkspaceId, long ProfileId)> changed, CancellationToken ct)
    {
        var change = new ChangeRecord(time.GetUtcNow(), _events.Count, changed, _merges, []);
        return change.IsEmpty ? null : await ChangeLog.AppendAsync(connection, transaction, dialect, change, ct);
    }

    /// <summary>Inserts every message key, in key order; the ones that were already there are repeats and are dropped.</summary>
    private async Task<List<(List<IngestMessage> Messages, int Duplicates)>> ClaimMessageKeysAsync(IReadOnlyList<IngestBatch> batches, CancellationToken ct)
    {
        var keyed = batches.Select(b => b.Messages.Select(m => (Message: m, Key: MessageKey.Of(b.WorkspaceId, m))).ToList()).ToList();
        var keys = keyed.SelectMany(k => k).Select(k => k.Key).Distinct().OrderBy(k => k.Stamp).ThenBy(k => k.Hash).ToList();
        var inserted = (await BulkSql.InsertNewAsync(connection, transaction, dialect, "INSERT INTO message_keys (stamp, key)", ["stamp", "key"],
            [.. keys.Select(k => new object?[] { k.Stamp, k.Hash })], ct)).Select(i => keys[i]).ToHashSet();
        return [.. keyed.Select(batch =>
        {
            var kept = new List<IngestMessage>(batch.Count);
            foreach (var (message, key) in batch)
            {
                if (inserted.Remove(key))
                {
                    kept.Add(message);
                }
            }

            return (kept, batch.Count - kept.Count);
        })];
    }

    private async Task ApplyAsync(long ws, IngestMessage m, CancellationToken ct)
    {
        var profile = await ResolveAsync(ws, m, ct);
        var ts = Epoch.ToMs(m.Timestamp);
        if (m.Type is MessageType.Track or MessageType.Page or MessageType.Screen
            && (profile.SessionCount == 0 || ts > profile.LastSeen + (long)options.SessionTimeout.TotalMilliseconds))
        {
            profile.SessionCount++;

            // Session starts per day, so analytics can read pages per session over any period.
            CollectionsMarshal.GetValueRefOrAddDefault(_daily, (ws, profile.Id, SessionCountName, Epoch.Day(ts)), out _)++;
        }

        profile.SeenAt(ts);
        profile.EventCount++;
        profile.PageViews += m.Type == MessageType.Page ? 1 : 0;
        profile.Dirty = true;
        if (m.Type == MessageType.Identify && m.TraitsJson is not null)
        {
            profile.ApplyTraits(m.TraitsJson, ts);
        }

        if (m.Context is { IsEmpty: false } context)
        {
            profile.ApplyContext(context);
        }

        var name = m.CountName;
        _counts[(ws, profile.Id, name)] = _counts.TryGetValue((ws, profile.Id, name), out var c)
            ? (c.Count + 1, Math.Min(c.First, ts), Math.Max(c.Last, ts))
            : (1, ts, ts);
        var day = Epoch.Day(ts);
        CollectionsMarshal.GetValueRefOrAddDefault(_daily, (ws, profile.Id, name, day), out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(_workspaceDaily, (ws, day, name), out _)++;
        _events.Add(new EventRow(ws, profile.Id, EventIds.NewVersion7(m.Timestamp), m));
        if (m.Order is not null)
        {
            _orders.Add(new Commerce.PendingOrder(ws, profile.Id, ts, m.Order));
        }

        if (m is { Type: MessageType.Group, GroupId: { } groupId })
        {
            Join(ws, profile.Id, groupId, m.TraitsJson, ts);
        }
    }

    /// <summary>
    /// Whether any id the message names belongs to an erased customer: an alias's previousId too, or the alias would
    /// tie the erased id to a live profile and let its later events back in. A group's groupId names an account, not
    /// a person, and erasure never records one.
    /// </summary>
    private bool IsSuppressed(long ws, IngestMessage m) =>
        _suppressed.Count > 0
        && ((m.UserId is { } u && _suppressed.Contains((ws, "user", u)))
            || (m.AnonymousId is { } a && _suppressed.Contains((ws, "anonymous", a)))
            || (m.PreviousId is { } p && (_suppressed.Contains((ws, "user", p)) || _suppressed.Contains((ws, "anonymous", p)))));

    private sealed record EventRow(long Ws, long ProfileId, Guid EventId, IngestMessage Message)
    {
        public long ProfileId { get; set; } = ProfileId;
    }
}
