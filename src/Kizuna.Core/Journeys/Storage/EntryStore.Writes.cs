using Dapper;
using Kizuna.Storage;

namespace Kizuna.Journeys.Storage;

/// <summary>Writes over many entries at once, and the per-node counts.</summary>
public sealed partial class EntryStore
{
    /// <summary>Ends every open entry of the journey as exited with <paramref name="reason"/>, each with its last step; returns how many.</summary>
    public async Task<int> ExitAllAsync(long workspaceId, long journeyId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var now = Epoch.ToMs(at);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO journey_steps (workspace_id, entry_id, seq, profile_id, journey_id, node, at, outcome, message_id)
            SELECT workspace_id, id, seq + 1, profile_id, journey_id, node, @now, 'exited', NULL FROM journey_entries
            WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND state IN ('active', 'waiting')
            ON CONFLICT (workspace_id, entry_id, seq) DO NOTHING
            """, new { workspaceId, journeyId, now }, transaction, cancellationToken: ct));
        var exited = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE journey_entries SET state = 'exited', seq = seq + 1, wait_until = NULL, finished_at = @now, updated_at = @now, exit_reason = @reason
            WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND state IN ('active', 'waiting')
            """, new { workspaceId, journeyId, now, reason }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return exited;
    }

    /// <summary>Per node: entries that reached it, are waiting there, went on from it, and of those that reached it, converted.</summary>
    public async Task<IReadOnlyList<NodeCount>> NodeCountsAsync(long workspaceId, long journeyId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Node, long Entered, long Passed, long Converted)>(new CommandDefinition(
            """
            SELECT s.node, count(DISTINCT s.entry_id),
                   count(DISTINCT CASE WHEN s.outcome NOT IN ('waiting', 'exited', 'completed') THEN s.entry_id END),
                   count(DISTINCT CASE WHEN e.converted_at IS NOT NULL THEN s.entry_id END)
            FROM journey_steps s JOIN journey_entries e ON e.id = s.entry_id
            WHERE s.workspace_id = @workspaceId AND s.journey_id = @journeyId GROUP BY s.node
            """, new { workspaceId, journeyId }, cancellationToken: ct));
        var waiting = (await connection.QueryAsync<(string Node, long Count)>(new CommandDefinition(
            """
            SELECT node, count(*) FROM journey_entries WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND state = 'waiting' GROUP BY node
            """, new { workspaceId, journeyId }, cancellationToken: ct))).ToDictionary(r => r.Node, r => r.Count);
        return [.. rows.Select(r => new NodeCount(r.Node, r.Entered, waiting.GetValueOrDefault(r.Node), r.Passed, r.Converted)).OrderBy(c => c.Node, StringComparer.Ordinal)];
    }
}
