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

    private async Task MoveStoredRowsAsync(long ws, long from, long into, CancellationToken ct)
    {
        (string, object)[] p = [("@ws", ws), ("@from", from), ("@into", into)];
        await ExecuteAsync("UPDATE events SET profile_id = @into WHERE workspace_id = @ws AND profile_id = @from", ct, p);
        await ExecuteAsync("UPDATE orders SET profile_id = @into WHERE workspace_id = @ws AND profile_id = @from", ct, p);
        await ExecuteAsync("UPDATE identities SET profile_id = @into WHERE workspace_id = @ws AND profile_id = @from", ct, p);
        await ExecuteAsync("UPDATE profiles SET merged_into = @into WHERE workspace_id = @ws AND merged_into = @from", ct, p);
        await ExecuteAsync(
            $"""
            INSERT INTO event_counts (workspace_id, profile_id, name, count, first_at, last_at)
            SELECT workspace_id, @into, name, count, first_at, last_at FROM event_counts WHERE workspace_id = @ws AND profile_id = @from
            ON CONFLICT (workspace_id, profile_id, name) DO UPDATE SET count = event_counts.count + excluded.count,
                first_at = {dialect.Least("event_counts.first_at", "excluded.first_at")}, last_at = {dialect.Greatest("event_counts.last_at", "excluded.last_at")}
            """, ct, p);
        await ExecuteAsync("DELETE FROM event_counts WHERE workspace_id = @ws AND profile_id = @from", ct, p);
        await ExecuteAsync(
            """
            INSERT INTO daily_counts (workspace_id, profile_id, name, day, count)
            SELECT workspace_id, @into, name, day, count FROM daily_counts WHERE workspace_id = @ws AND profile_id = @from
            ON CONFLICT (workspace_id, profile_id, name, day) DO UPDATE SET count = daily_counts.count + excluded.count
            """, ct, p);
        await ExecuteAsync("DELETE FROM daily_counts WHERE workspace_id = @ws AND profile_id = @from", ct, p);
        await ExecuteAsync(
            $"""
            INSERT INTO profile_spend (workspace_id, profile_id, currency, order_count, total_spent, first_order_at, last_order_at)
            SELECT workspace_id, @into, currency, order_count, total_spent, first_order_at, last_order_at FROM profile_spend WHERE workspace_id = @ws AND profile_id = @from
            ON CONFLICT (workspace_id, profile_id, currency) DO UPDATE SET order_count = profile_spend.order_count + excluded.order_count,
                total_spent = profile_spend.total_spent + excluded.total_spent,
                first_order_at = {dialect.Least("COALESCE(profile_spend.first_order_at, excluded.first_order_at)", "COALESCE(excluded.first_order_at, profile_spend.first_order_at)")},
                last_order_at = {dialect.Greatest("COALESCE(profile_spend.last_order_at, excluded.last_order_at)", "COALESCE(excluded.last_order_at, profile_spend.last_order_at)")}
            """, ct, p);
        await ExecuteAsync("DELETE FROM profile_spend WHERE workspace_id = @ws AND profile_id = @from", ct, p);
        await ExecuteAsync(
            $"""
            INSERT INTO account_members (workspace_id, profile_id, group_id, first_at, last_at)
            SELECT workspace_id, @into, group_id, first_at, last_at FROM account_members WHERE workspace_id = @ws AND profile_id = @from
            ON CONFLICT (workspace_id, profile_id, group_id) DO UPDATE SET
                first_at = {dialect.Least("account_members.first_at", "excluded.first_at")}, last_at = {dialect.Greatest("account_members.last_at", "excluded.last_at")}
            """, ct, p);
        await ExecuteAsync("DELETE FROM account_members WHERE workspace_id = @ws AND profile_id = @from", ct, p);
    }
}
