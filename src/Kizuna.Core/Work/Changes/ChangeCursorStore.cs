using Dapper;
using Kizuna.Storage;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Changes;

/// <summary>
/// Consumers' cursors and leases (<c>change_cursors</c>). A lease is taken only when free, expired or already ours,
/// and a cursor moves only while its lease is still ours, so a node that lost its lease (it stalled past the
/// expiry and another node took over) cannot move the cursor under the new holder.
/// </summary>
public sealed class ChangeCursorStore(Database database, TimeProvider time, IOptions<ChangeFeedOptions> options)
{
    /// <summary>
    /// Takes or extends <paramref name="consumer"/>'s lease for <paramref name="owner"/> and returns its cursor; null
    /// while another node holds it. A consumer without a cursor gets one at the current end of the feed.
    /// </summary>
    public async Task<ChangePosition?> LeaseAsync(string consumer, string owner, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM change_cursors WHERE consumer = @consumer", new { consumer }, cancellationToken: ct));
        if (exists == 0)
        {
            var end = await ChangeFeed.EndAsync(connection, database.Dialect, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO change_cursors (consumer, tx, id, lease_owner, lease_until, updated_at) VALUES (@consumer, @tx, @id, NULL, 0, @now)
                ON CONFLICT (consumer) DO NOTHING
                """, new { consumer, tx = end.Tx, id = end.Id, now }, cancellationToken: ct));
        }

        var cursor = await connection.QuerySingleOrDefaultAsync<(long Tx, long Id)?>(new CommandDefinition(
            """
            UPDATE change_cursors SET lease_owner = @owner, lease_until = @until, updated_at = @now
            WHERE consumer = @consumer AND (lease_owner = @owner OR lease_owner IS NULL OR lease_until <= @now)
            RETURNING tx, id
            """, new { consumer, owner, until = now + (long)options.Value.LeaseDuration.TotalMilliseconds, now }, cancellationToken: ct));
        return cursor is { } c ? new ChangePosition(c.Tx, c.Id) : null;
    }

    /// <summary>Moves the cursor to <paramref name="position"/> and extends the lease; false when the lease is no longer <paramref name="owner"/>'s.</summary>
    public async Task<bool> AdvanceAsync(string consumer, string owner, ChangePosition position, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE change_cursors SET tx = @tx, id = @id, lease_until = @until, updated_at = @now
            WHERE consumer = @consumer AND lease_owner = @owner
            """, new { consumer, owner, tx = position.Tx, id = position.Id, until = now + (long)options.Value.LeaseDuration.TotalMilliseconds, now },
            cancellationToken: ct)) == 1;
    }

    /// <summary>Gives the lease up (a clean stop), so another node takes the consumer over at once.</summary>
    public async Task ReleaseAsync(string consumer, string owner, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE change_cursors SET lease_owner = NULL, lease_until = 0 WHERE consumer = @consumer AND lease_owner = @owner",
            new { consumer, owner }, cancellationToken: ct));
    }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> changes that committed before the retention and that every consumer
    /// has passed. A cursor not moved or leased within the retention (a consumer no node runs any more) holds
    /// nothing back. The events stay: only the feed's rows go. Returns how many were deleted.
    /// </summary>
    public async Task<int> PruneAsync(int limit, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        var cutoff = (time.GetUtcNow() - options.Value.Retention).ToUnixTimeMilliseconds();
        var slowest = await connection.QuerySingleOrDefaultAsync<(long Tx, long Id)?>(new CommandDefinition(
            "SELECT tx, id FROM change_cursors WHERE updated_at >= @cutoff ORDER BY tx, id LIMIT 1", new { cutoff }, cancellationToken: ct))
            ?? (long.MaxValue, long.MaxValue);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM changes WHERE id IN (
                SELECT id FROM changes WHERE committed_at < @cutoff AND {database.Dialect.ChangesUpTo} ORDER BY {database.Dialect.ChangeOrder} LIMIT @limit)
            """, new { cutoff, tx = slowest.Tx, id = slowest.Id, limit }, cancellationToken: ct));
    }
}
