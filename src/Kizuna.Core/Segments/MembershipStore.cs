using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Segments;

/// <summary>
/// Who is in each segment since when, the head row's member count and the daily size history. Entries and exits of
/// one segment are written in one transaction that first takes the head row's lock, so the count, the members, the
/// day's row and the pending transitions agree, and an entry asked for twice (two computations at once, a change
/// handed over again) is made, counted and announced once.
/// </summary>
public sealed class MembershipStore(Database database)
{
    /// <summary>Which of <paramref name="profileIds"/> (all members when null) are in the segment now.</summary>
    public async Task<HashSet<long>> MembersAsync(long workspaceId, long segmentId, IReadOnlyCollection<long>? profileIds, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var filter = profileIds is null ? "" : $"AND {database.Dialect.InIds("profile_id", "@ids")}";
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT profile_id FROM segment_members WHERE workspace_id = @workspaceId AND segment_id = @segmentId {filter}",
            new { workspaceId, segmentId, ids = profileIds is null ? null : database.Dialect.Ids(profileIds) }, cancellationToken: ct));
        return [.. ids];
    }

    /// <summary>
    /// Writes the <paramref name="wanted"/> entries and exits and returns those it made: the member rows this
    /// transaction really inserted or deleted (another computation of the segment may have made the rest first),
    /// numbered from the head row's count and recorded as pending in the same transaction (see
    /// <see cref="PendingTransitions"/>). Null (nothing written) when the segment is archived or gone. With
    /// <paramref name="computedAt"/> the head row records the end of a full computation.
    /// </summary>
    public async Task<IReadOnlyList<SegmentTransition>?> ApplyAsync(
        long workspaceId, long segmentId, IReadOnlyCollection<SegmentTransition> wanted, DateTimeOffset at, DateTimeOffset? computedAt, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var made = await ApplyAsync(connection, transaction, workspaceId, segmentId, wanted, at, computedAt, ct);
        if (made is not null)
        {
            await PendingTransitions.RecordAsync(connection, transaction, database.Dialect, workspaceId, segmentId, made, ct);
        }

        await transaction.CommitAsync(ct);
        return made;
    }

    /// <summary>
    /// The same in the caller's transaction, without recording the transitions as pending: for a caller that writes
    /// their events in this transaction too (see <see cref="MembershipWriter.ApplyLiveAsync"/>).
    /// </summary>
    internal async Task<IReadOnlyList<SegmentTransition>?> ApplyAsync(
        DbConnection connection, DbTransaction transaction, long workspaceId, long segmentId, IReadOnlyCollection<SegmentTransition> wanted,
        DateTimeOffset at, DateTimeOffset? computedAt, CancellationToken ct)
    {
        var now = Epoch.ToMs(at);
        // On PostgreSQL this takes the head row's lock: the transactions of one segment follow one another.
        var active = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE segments SET computed_at = COALESCE(@computed, computed_at) WHERE workspace_id = @workspaceId AND id = @segmentId AND status = 'active'",
            new { workspaceId, segmentId, computed = computedAt is { } c ? Epoch.ToMs(c) : (long?)null }, transaction, cancellationToken: ct));
        if (active == 0)
        {
            return null;
        }

        var entered = wanted.Where(t => t.Entered).Select(t => t.ProfileId).ToList();
        var exited = wanted.Where(t => !t.Entered).Select(t => t.ProfileId).ToList();
        var inserted = entered.Count == 0 ? [] : (await connection.QueryAsync<long>(new CommandDefinition(
            database.Kind == StoreKind.Postgres
                ? "INSERT INTO segment_members SELECT @workspaceId, @segmentId, id, @now FROM unnest(@ids) AS t(id) ON CONFLICT DO NOTHING RETURNING profile_id"
                : "INSERT INTO segment_members SELECT @workspaceId, @segmentId, value, @now FROM json_each(@ids) WHERE true ON CONFLICT DO NOTHING RETURNING profile_id",
            new { workspaceId, segmentId, now, ids = database.Dialect.Ids(entered) }, transaction, cancellationToken: ct))).ToHashSet();
        var deleted = exited.Count == 0 ? [] : (await connection.QueryAsync<long>(new CommandDefinition(
            $"DELETE FROM segment_members WHERE workspace_id = @workspaceId AND segment_id = @segmentId AND {database.Dialect.InIds("profile_id", "@ids")} RETURNING profile_id",
            new { workspaceId, segmentId, ids = database.Dialect.Ids(exited) }, transaction, cancellationToken: ct))).ToHashSet();
        var made = wanted.Where(t => t.Entered ? inserted.Contains(t.ProfileId) : deleted.Contains(t.ProfileId)).ToList();
        var (size, count) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            UPDATE segments SET member_count = member_count + @delta, transition_count = transition_count + @made
            WHERE workspace_id = @workspaceId AND id = @segmentId RETURNING member_count, transition_count
            """,
            new { workspaceId, segmentId, delta = (long)(inserted.Count - deleted.Count), made = (long)made.Count }, transaction, cancellationToken: ct));
        var numbered = made.Select((t, i) => t with { Seq = count - made.Count + i + 1 }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO segment_sizes (workspace_id, segment_id, day, size, entered, exited)
            VALUES (@workspaceId, @segmentId, @day, @size, @inserted, @deleted)
            ON CONFLICT (workspace_id, segment_id, day) DO UPDATE SET
                size = excluded.size, entered = segment_sizes.entered + excluded.entered, exited = segment_sizes.exited + excluded.exited
            """,
            new { workspaceId, segmentId, day = Epoch.Day(now), size, inserted = (long)inserted.Count, deleted = (long)deleted.Count }, transaction, cancellationToken: ct));
        return numbered;
    }

    /// <summary>Members after <paramref name="afterProfileId"/> in profile id order, up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<SegmentMember>> PageAsync(long workspaceId, long segmentId, long afterProfileId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ProfileId, string? UserId, string? Email, long EnteredAt)>(new CommandDefinition(
            """
            SELECT m.profile_id, p.user_id, p.email, m.entered_at
            FROM segment_members m LEFT JOIN profiles p ON p.workspace_id = m.workspace_id AND p.id = m.profile_id
            WHERE m.workspace_id = @workspaceId AND m.segment_id = @segmentId AND m.profile_id > @afterProfileId
            ORDER BY m.profile_id LIMIT @limit
            """,
            new { workspaceId, segmentId, afterProfileId, limit }, cancellationToken: ct));
        return [.. rows.Select(r => new SegmentMember(r.ProfileId, r.UserId, r.Email, Epoch.FromMs(r.EnteredAt)))];
    }

    /// <summary>The active segments a profile is in, by name.</summary>
    public async Task<IReadOnlyList<SegmentMembership>> OfProfileAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long SegmentId, string Name, long EnteredAt)>(new CommandDefinition(
            """
            SELECT m.segment_id, s.name, m.entered_at
            FROM segment_members m JOIN segments s ON s.workspace_id = m.workspace_id AND s.id = m.segment_id
            WHERE m.workspace_id = @workspaceId AND m.profile_id = @profileId AND s.status = 'active'
            ORDER BY s.name
            """,
            new { workspaceId, profileId }, cancellationToken: ct));
        return [.. rows.Select(r => new SegmentMembership(r.SegmentId, r.Name, Epoch.FromMs(r.EnteredAt)))];
    }

    /// <summary>The stored day rows from <paramref name="fromDay"/> to <paramref name="toDay"/>, and the last one before them.</summary>
    public async Task<IReadOnlyList<(int Day, long Size, long Entered, long Exited)>> SizeRowsAsync(
        long workspaceId, long segmentId, int fromDay, int toDay, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Day, long Size, long Entered, long Exited)>(new CommandDefinition(
            """
            SELECT day, size, entered, exited FROM segment_sizes
            WHERE workspace_id = @workspaceId AND segment_id = @segmentId AND day BETWEEN @fromDay AND @toDay
            UNION ALL
            SELECT day, size, 0, 0 FROM (
                SELECT day, size FROM segment_sizes
                WHERE workspace_id = @workspaceId AND segment_id = @segmentId AND day < @fromDay ORDER BY day DESC LIMIT 1) AS before
            ORDER BY day
            """,
            new { workspaceId, segmentId, fromDay, toDay }, cancellationToken: ct));
        return [.. rows.Select(r => ((int)r.Day, r.Size, r.Entered, r.Exited))];
    }

    /// <summary>Sets every active segment's member count of the workspace from its rows (after an erasure deleted some).</summary>
    public async Task RecountAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE segments SET member_count = (
                SELECT count(*) FROM segment_members m WHERE m.workspace_id = segments.workspace_id AND m.segment_id = segments.id)
            WHERE workspace_id = @workspaceId AND status = 'active'
            """,
            new { workspaceId }, cancellationToken: ct));
    }

    /// <summary>The given profiles with the ids a marketer recognises (a preview's sample).</summary>
    public async Task<IReadOnlyList<SampleProfile>> ProfilesAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct)
    {
        if (profileIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string? UserId, string? Email)>(new CommandDefinition(
            $"SELECT id, user_id, email FROM profiles WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("id", "@ids")} ORDER BY id",
            new { workspaceId, ids = database.Dialect.Ids(profileIds) }, cancellationToken: ct));
        return [.. rows.Select(r => new SampleProfile(r.Id, r.UserId, r.Email))];
    }
}
