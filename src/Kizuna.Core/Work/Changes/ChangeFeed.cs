using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.Changes;

/// <summary>
/// Reads the change feed in commit order. Each read takes only the changes no transaction still running can come
/// before (<see cref="SqlDialect.VisibleHorizon"/>, in the same statement and so the same snapshot), so a position
/// once passed never has a change appear behind it. Changes this node committed moments ago are handed over from
/// <see cref="RecentChanges"/> where it holds them.
/// </summary>
public sealed class ChangeFeed(Database database, TimeProvider time, IEnumerable<IChangeConsumer> consumers, RecentChanges? recent = null)
{
    private readonly string[] _consumers = [.. consumers.Where(c => c.Enabled).Select(c => c.Name)];

    /// <summary>Up to <paramref name="limit"/> changes after <paramref name="after"/>, in feed order, with their events.</summary>
    public Task<IReadOnlyList<Change>> ReadAsync(ChangePosition after, int limit, CancellationToken ct) => ReadAsync(after, limit, true, ct);

    /// <summary>
    /// As <see cref="ReadAsync(ChangePosition, int, CancellationToken)"/>, the events without their properties unless
    /// <paramref name="properties"/> (those held in memory keep theirs: leaving them out would save nothing).
    /// </summary>
    public async Task<IReadOnlyList<Change>> ReadAsync(ChangePosition after, int limit, bool properties, CancellationToken ct)
    {
        if (recent?.TryRead(after, limit) is { } held)
        {
            return held;
        }

        await using var connection = await database.OpenAsync(ct);
        // One range scan: of changes_position on PostgreSQL, of the ids on SQLite.
        var d = database.Dialect;
        var rows = (await connection.QueryAsync<(long Id, long Tx, long CommittedAt, string Profiles, string Merges, string Erased)>(new CommandDefinition(
            $"""
            SELECT id, tx, committed_at, profiles, merges, erased FROM changes
            WHERE {d.ChangesAfter} AND tx < {d.VisibleHorizon}
            ORDER BY {d.ChangeOrder} LIMIT @limit
            """, new { tx = after.Tx, id = after.Id, limit }, cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var events = await ChangeEvents.ReadAsync(connection, database.Dialect, [.. rows.Select(r => r.Id)], properties, ct);
        return [.. rows.Select(r => new Change(
            new ChangePosition(r.Tx, r.Id), Epoch.FromMs(r.CommittedAt), events.GetValueOrDefault(r.Id) ?? [],
            ChangeLog.ReadPairs(r.Profiles), ChangeLog.ReadMerges(r.Merges), ChangeLog.ReadPairs(r.Erased)))];
    }

    /// <summary>The last change a reader can see now without anything able to appear before it; a new consumer starts here.</summary>
    public async Task<ChangePosition> EndAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await EndAsync(connection, database.Dialect, ct);
    }

    internal static async Task<ChangePosition> EndAsync(DbConnection connection, SqlDialect dialect, CancellationToken ct)
    {
        var end = await connection.QuerySingleOrDefaultAsync<(long Tx, long Id)?>(new CommandDefinition(
            $"SELECT tx, id FROM changes WHERE tx < {dialect.VisibleHorizon} ORDER BY tx DESC, id DESC LIMIT 1", cancellationToken: ct));
        return end is { } e ? new ChangePosition(e.Tx, e.Id) : ChangePosition.Start;
    }

    /// <summary>
    /// How far each consumer is behind: those registered here, and any other cursor in the database. Behind counts
    /// every committed change after the cursor; Lag is the time since the oldest of them committed.
    /// </summary>
    public async Task<IReadOnlyList<ConsumerLag>> LagAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var cursors = (await connection.QueryAsync<(string Consumer, long Tx, long Id, string? Owner, long LeaseUntil)>(new CommandDefinition(
            "SELECT consumer, tx, id, lease_owner, lease_until FROM change_cursors ORDER BY consumer", cancellationToken: ct))).ToList();
        var now = time.GetUtcNow();
        var lags = new List<ConsumerLag>();
        foreach (var name in _consumers.Except(cursors.Select(c => c.Consumer), StringComparer.Ordinal))
        {
            lags.Add(new ConsumerLag(name, null, 0, TimeSpan.Zero, null));
        }

        foreach (var c in cursors)
        {
            var (behind, oldest) = await connection.QuerySingleAsync<(long Behind, long? Oldest)>(new CommandDefinition(
                $"SELECT COUNT(*), MIN(committed_at) FROM changes WHERE {database.Dialect.ChangesAfter}",
                new { tx = c.Tx, id = c.Id }, cancellationToken: ct));
            var at = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT committed_at FROM changes WHERE id = @id", new { id = c.Id }, cancellationToken: ct));
            var lag = oldest is { } o && now > Epoch.FromMs(o) ? now - Epoch.FromMs(o) : TimeSpan.Zero;
            var owner = c.Owner is not null && c.LeaseUntil > now.ToUnixTimeMilliseconds() ? c.Owner : null;
            lags.Add(new ConsumerLag(c.Consumer, owner, behind, lag, at is { } a ? Epoch.FromMs(a) : null));
        }

        return [.. lags.OrderBy(l => l.Consumer, StringComparer.Ordinal)];
    }
}
