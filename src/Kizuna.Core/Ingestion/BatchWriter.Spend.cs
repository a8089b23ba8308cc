using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

// Spend per currency: what the transaction's order events did (OrderLedger) is folded into the profiles' per-currency
// totals, which are read only for the profiles an order event or a merge touched, and each profile's main currency
// is chosen again from them.
internal sealed partial class BatchWriter
{
    private async Task ApplySpendAsync(PendingWrites writes, List<SpendChange> changes, CancellationToken ct)
    {
        var touched = changes.Select(c => (Ws: c.WorkspaceId, Id: c.ProfileId))
            .Concat(_profiles.Values.Where(p => p.SpendStale && p.MergedInto is null).Select(p => (Ws: p.WorkspaceId, p.Id)))
            .Distinct().ToList();
        if (touched.Count == 0)
        {
            return;
        }

        foreach (var group in touched.GroupBy(t => t.Ws))
        {
            List<long> ids = [.. group.Select(t => t.Id)];
            await LoadProfilesAsync(group.Key, ids, ct);
            await LoadSpendAsync(group.Key, ids, ct);
        }

        foreach (var change in changes)
        {
            _profiles[(change.WorkspaceId, change.ProfileId)].ApplySpend(change);
        }

        foreach (var (ws, id) in touched)
        {
            _profiles[(ws, id)].ChooseMainCurrency();
        }

        var rows = touched.Select(t => _profiles[t]).SelectMany(p => p.Spend!.Where(s => s.Value.Dirty).Select(s => (Profile: p, Currency: s.Key, Total: s.Value)));
        BulkSql.Insert(writes, dialect,
            "INSERT INTO profile_spend (workspace_id, profile_id, currency, order_count, total_spent, first_order_at, last_order_at)",
            [.. InLockOrder(rows, r => r.OrderBy(s => s.Profile.WorkspaceId).ThenBy(s => s.Profile.Id).ThenBy(s => s.Currency, StringComparer.Ordinal)).Select(s => new object?[]
            {
                s.Profile.WorkspaceId, s.Profile.Id, s.Currency, s.Total.Orders, Money.ToStored(s.Total.Total, dialect.Kind), s.Total.FirstOrderAt, s.Total.LastOrderAt,
            })],
            """
            ON CONFLICT (workspace_id, profile_id, currency) DO UPDATE SET order_count = excluded.order_count, total_spent = excluded.total_spent,
                first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at
            """, null);
    }

    private async Task LoadSpendAsync(long ws, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => _profiles[(ws, id)].Spend is null).ToList();
        foreach (var id in missing)
        {
            _profiles[(ws, id)].Spend = new Dictionary<string, SpendTotal>(StringComparer.Ordinal);
        }

        await BulkSql.ForEachInAsync(connection, transaction,
            "SELECT profile_id, currency, order_count, total_spent, first_order_at, last_order_at FROM profile_spend WHERE workspace_id = @ws AND profile_id IN ({in})",
            missing, ws,
            r => _profiles[(ws, r.GetInt64(0))].Spend![r.GetString(1)] = new SpendTotal(
                r.GetInt64(2), r.GetMoney(3, dialect.Kind), r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetInt64(5)), ct);
    }
}
