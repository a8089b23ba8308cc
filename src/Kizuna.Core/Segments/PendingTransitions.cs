using System.Data.Common;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Segments;

/// <summary>
/// Transitions the member rows of a full computation made whose <c>Segment Entered</c>/<c>Exited</c> events are not
/// yet known to be committed (the real-time path commits rows and events together and records none). They are recorded in the transaction that changes the rows and removed once their events are written;
/// whatever a crash leaves here is written again (the same messageIds and times, so the ingestion writer drops any
/// that did commit as repeats) by the next computation of the segment, at a node's start and at every sweep.
/// </summary>
public sealed class PendingTransitions(Database database)
{
    /// <summary>Records numbered transitions in the caller's transaction.</summary>
    internal static async Task RecordAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long workspaceId, long segmentId,
        IReadOnlyList<SegmentTransition> transitions, CancellationToken ct) =>
        await BulkSql.InsertAsync<int>(
            connection, transaction, dialect, "INSERT INTO segment_transitions (workspace_id, segment_id, seq, profile_id, kind, cause, at)",
            [.. transitions.Select(t => new object?[] { workspaceId, segmentId, t.Seq, t.ProfileId, t.Entered ? "in" : "out", t.Cause, Epoch.ToMs(t.At) })],
            "", null, null, ct);

    /// <summary>The segments that have pending transitions.</summary>
    public async Task<IReadOnlyList<(long WorkspaceId, long SegmentId)>> SegmentsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<(long, long)>(new CommandDefinition(
            "SELECT DISTINCT workspace_id, segment_id FROM segment_transitions", cancellationToken: ct))];
    }

    /// <summary>The segment's pending transitions in order.</summary>
    public async Task<IReadOnlyList<SegmentTransition>> OfAsync(long workspaceId, long segmentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Seq, long ProfileId, string Kind, string Cause, long At)>(new CommandDefinition(
            "SELECT seq, profile_id, kind, cause, at FROM segment_transitions WHERE workspace_id = @workspaceId AND segment_id = @segmentId ORDER BY seq",
            new { workspaceId, segmentId }, cancellationToken: ct));
        return [.. rows.Select(r => new SegmentTransition(r.ProfileId, r.Kind == "in", r.Cause, Epoch.FromMs(r.At), r.Seq))];
    }

    /// <summary>Removes transitions whose events are committed.</summary>
    public async Task DoneAsync(long workspaceId, long segmentId, IReadOnlyCollection<SegmentTransition> transitions, CancellationToken ct)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM segment_transitions WHERE workspace_id = @workspaceId AND segment_id = @segmentId AND {database.Dialect.InIds("seq", "@ids")}",
            new { workspaceId, segmentId, ids = database.Dialect.Ids(transitions.Select(t => t.Seq).ToList()) }, cancellationToken: ct));
    }
}
