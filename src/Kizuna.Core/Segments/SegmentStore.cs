using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Segments;

/// <summary>
/// Segment definitions per workspace. Every save adds an immutable version and moves the head row, which also holds
/// the current definition so the evaluators read one row. Writes are internal: SegmentService checks
/// definitions before anything is stored.
/// </summary>
public sealed class SegmentStore(Database database, TimeProvider time)
{
    public const int MaxNameLength = 120;

    internal async Task<SegmentSaveResult> CreateAsync(long workspaceId, string name, string? description, string definition, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO segments (workspace_id, name, description, current_version, definition, status, member_count, created_at, updated_at)
            VALUES (@workspaceId, @name, @description, 1, @definition, 'active', 0, @now, @now)
            ON CONFLICT (workspace_id, name) DO NOTHING RETURNING id
            """,
            new { workspaceId, name, description, definition, now }, transaction, cancellationToken: ct));
        if (id is not { } segmentId)
        {
            return SegmentSaveResult.Refused(SegmentSaveStatus.NameTaken, "name", $"This workspace already has a segment named '{name}'.");
        }

        await InsertVersionAsync(connection, transaction, workspaceId, segmentId, 1, definition, now, author, ct);
        await transaction.CommitAsync(ct);
        return SegmentSaveResult.Saved(new Segment(
            segmentId, workspaceId, name, description, 1, definition, SegmentStatus.Active, 0, null, Epoch.FromMs(now), Epoch.FromMs(now)));
    }

    /// <summary>Saves a new version (and the name and description); with <paramref name="expectedVersion"/> only when nobody saved since.</summary>
    internal async Task<SegmentSaveResult> SaveVersionAsync(
        long workspaceId, long id, string name, string? description, string definition, int? expectedVersion, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var taken = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM segments WHERE workspace_id = @workspaceId AND name = @name AND id <> @id",
            new { workspaceId, name, id }, transaction, cancellationToken: ct));
        if (taken is not null)
        {
            return SegmentSaveResult.Refused(SegmentSaveStatus.NameTaken, "name", $"This workspace already has a segment named '{name}'.");
        }

        // The update takes the row lock first, so concurrent saves get consecutive versions. A rename to a name another
        // save took after the check above meets the unique index instead.
        (long Version, string Status) head;
        try
        {
            head = await connection.QuerySingleOrDefaultAsync<(long Version, string Status)>(new CommandDefinition(
                """
                UPDATE segments SET current_version = current_version + 1, name = @name, description = @description,
                                    definition = @definition, updated_at = @now
                WHERE workspace_id = @workspaceId AND id = @id RETURNING current_version, status
                """,
                new { workspaceId, id, name, description, definition, now }, transaction, cancellationToken: ct));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return SegmentSaveResult.Refused(SegmentSaveStatus.NameTaken, "name", $"This workspace already has a segment named '{name}'.");
        }
        if (head.Status is null)
        {
            return new SegmentSaveResult(SegmentSaveStatus.NotFound);
        }

        var version = (int)head.Version;
        if (head.Status == "archived")
        {
            await transaction.RollbackAsync(ct);
            return SegmentSaveResult.Refused(SegmentSaveStatus.Archived, "id", "The segment is archived; create a new one instead.");
        }

        if (expectedVersion is { } expected && expected != version - 1)
        {
            await transaction.RollbackAsync(ct);
            return SegmentSaveResult.Refused(SegmentSaveStatus.VersionConflict, "expectedVersion",
                $"Version {version - 1} was saved after version {expected}; reload it before saving.");
        }

        await InsertVersionAsync(connection, transaction, workspaceId, id, version, definition, now, author, ct);
        await transaction.CommitAsync(ct);
        return SegmentSaveResult.Saved((await FindAsync(workspaceId, id, ct))!);
    }

    /// <summary>Archives the segment: its members are removed (they are no longer kept current) and its history stays.</summary>
    internal async Task<bool> ArchiveAsync(long workspaceId, long id, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE segments SET status = 'archived', member_count = 0, updated_at = @now WHERE workspace_id = @workspaceId AND id = @id",
            new { workspaceId, id, now }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM segment_members WHERE workspace_id = @workspaceId AND segment_id = @id",
            new { workspaceId, id }, transaction, cancellationToken: ct));
        // The size history ends at zero today; the members dropped are not exits (no Segment Exited was written).
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO segment_sizes (workspace_id, segment_id, day, size, entered, exited) SELECT @workspaceId, @id, @day, 0, 0, 0
            WHERE @found > 0
            ON CONFLICT (workspace_id, segment_id, day) DO UPDATE SET size = 0
            """,
            new { workspaceId, id, day = Epoch.Day(now), found }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return found > 0;
    }

    /// <summary>Makes an archived segment active again, with no members until it is computed; the segment, or null when there is no archived one.</summary>
    internal async Task<Segment?> RestoreAsync(long workspaceId, long id, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using (var connection = await database.OpenAsync(ct))
        {
            var found = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE segments SET status = 'active', member_count = 0, updated_at = @now WHERE workspace_id = @workspaceId AND id = @id AND status = 'archived'",
                new { workspaceId, id, now }, cancellationToken: ct));
            if (found == 0)
            {
                return null;
            }
        }

        return await FindAsync(workspaceId, id, ct);
    }

    public async Task<Segment?> FindAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Row.Select} WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: ct));
        return row?.ToSegment();
    }

    /// <summary>The workspace's segments by name, archived ones only when asked for.</summary>
    public async Task<IReadOnlyList<Segment>> ListAsync(long workspaceId, bool includeArchived, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Row.Select} WHERE workspace_id = @workspaceId {(includeArchived ? "" : "AND status = 'active'")} ORDER BY name",
            new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToSegment())];
    }

    /// <summary>Every active segment of every workspace, for the real-time evaluator and the sweep.</summary>
    public async Task<IReadOnlyList<Segment>> ActiveAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Row.Select} WHERE status = 'active' ORDER BY workspace_id, id", cancellationToken: ct));
        return [.. rows.Select(r => r.ToSegment())];
    }

    /// <summary>The segment's versions, newest first; null when the workspace has no such segment.</summary>
    public async Task<IReadOnlyList<SegmentVersion>?> VersionsAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(long Version, string Definition, long CreatedAt, string CreatedBy)>(new CommandDefinition(
            """
            SELECT v.version, v.definition, v.created_at, v.created_by
            FROM segment_versions v JOIN segments s ON s.id = v.segment_id
            WHERE s.workspace_id = @workspaceId AND s.id = @id ORDER BY v.version DESC
            """,
            new { workspaceId, id }, cancellationToken: ct))).ToList();
        return rows.Count == 0 ? null : [.. rows.Select(r => new SegmentVersion((int)r.Version, r.Definition, Epoch.FromMs(r.CreatedAt), r.CreatedBy))];
    }

    private static Task<int> InsertVersionAsync(
        DbConnection connection, DbTransaction transaction, long workspaceId, long segmentId, int version, string definition, long now, string author, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO segment_versions (segment_id, version, workspace_id, definition, created_at, created_by)
            VALUES (@segmentId, @version, @workspaceId, @definition, @now, @author)
            """,
            new { segmentId, version = (long)version, workspaceId, definition, now, author }, transaction, cancellationToken: ct));

    private sealed record Row(
        long Id, long WorkspaceId, string Name, string? Description, long CurrentVersion, string Definition, string Status,
        long MemberCount, long? ComputedAt, long CreatedAt, long UpdatedAt)
    {
        public const string Select =
            """
            SELECT id, workspace_id AS workspaceId, name, description, current_version AS currentVersion, definition, status,
                   member_count AS memberCount, computed_at AS computedAt, created_at AS createdAt, updated_at AS updatedAt
            FROM segments
            """;

        public Segment ToSegment() => new(
            Id, WorkspaceId, Name, Description, (int)CurrentVersion, Definition,
            Status == "archived" ? SegmentStatus.Archived : SegmentStatus.Active,
            MemberCount, Epoch.FromMs(ComputedAt), Epoch.FromMs(CreatedAt), Epoch.FromMs(UpdatedAt));
    }
}
