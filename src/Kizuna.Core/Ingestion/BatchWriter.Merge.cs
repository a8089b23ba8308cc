using Kizuna.Work.ProfileData;

namespace Kizuna.Ingestion;

// Merging two profiles: everything the older one holds moves to the one that survives; both sets of ids resolve to it.
internal sealed partial class BatchWriter
{
    private async Task MergeAsync(ProfileState from, ProfileState into, CancellationToken ct)
    {
        into.Absorb(from);
        from.MergedInto = into.Id;
        from.SessionCount = from.PageViews = from.EventCount = from.OrderCount = 0;
        (from.TotalSpent, from.Currency) = (0, null);
        from.Dirty = true;
        _merges.Add(new ProfileMerge(from.WorkspaceId, from.Id, into.Id));

        foreach (var key in _identities.Where(i => i.Key.Ws == from.WorkspaceId && i.Value == from.Id).Select(i => i.Key).ToList())
        {
            _identities[key] = into.Id;
            _newIdentities[key] = into.Id;
        }

        foreach (var e in _events.Where(e => e.Ws == from.WorkspaceId && e.ProfileId == from.Id))
        {
            e.ProfileId = into.Id;
        }

        foreach (var o in _orders.Where(o => o.WorkspaceId == from.WorkspaceId && o.ProfileId == from.Id))
        {
            o.ProfileId = into.Id;
        }

        MoveMemberships(from, into);

        foreach (var (key, value) in _counts.Where(c => c.Key.Ws == from.WorkspaceId && c.Key.Profile == from.Id).ToList())
        {
            _counts.Remove(key);
            var target = (key.Ws, into.Id, key.Name);
            _counts[target] = _counts.TryGetValue(target, out var c)
                ? (c.Count + value.Count, Math.Min(c.First, value.First), Math.Max(c.Last, value.Last))
                : value;
        }

        foreach (var (key, value) in _daily.Where(d => d.Key.Ws == from.WorkspaceId && d.Key.Profile == from.Id).ToList())
        {
            _daily.Remove(key);
            var target = (key.Ws, into.Id, key.Name, key.Day);
            _daily[target] = _daily.GetValueOrDefault(target) + value;
        }

        if (!from.IsNew)
        {
            await MoveStoredRowsAsync(from.WorkspaceId, from.Id, into.Id, ct);
        }
    }

    /// <summary>
    /// The merged profile's rows already stored, in every registered per-profile table (<see cref="ProfileDataRegistry"/>);
    /// what this transaction folded in memory was moved above.
    /// </summary>
    private async Task MoveStoredRowsAsync(long ws, long from, long into, CancellationToken ct)
    {
        foreach (var sql in profileData.MergeStatements(dialect))
        {
            await ExecuteAsync(sql, ct, ("@ws", ws), ("@from", from), ("@into", into));
        }
    }
}
