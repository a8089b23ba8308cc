using Dapper;

namespace Kizuna.Journeys.Storage;

public sealed partial class EntryStore
{
    /// <summary>Every journey's entries of the workspace, counted by state, with conversions (the journey list).</summary>
    public async Task<IReadOnlyDictionary<long, JourneyTotals>> TotalsAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long JourneyId, long Entered, long Open, long Completed, long Exited, long Converted)>(new CommandDefinition(
            """
            SELECT journey_id, count(*),
                   count(CASE WHEN state IN ('active', 'waiting') THEN 1 END),
                   count(CASE WHEN state = 'completed' THEN 1 END),
                   count(CASE WHEN state = 'exited' THEN 1 END),
                   count(CASE WHEN converted_at IS NOT NULL THEN 1 END)
            FROM journey_entries WHERE workspace_id = @workspaceId GROUP BY journey_id
            """, new { workspaceId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.JourneyId, r => new JourneyTotals(r.JourneyId, r.Entered, r.Open, r.Completed, r.Exited, r.Converted));
    }

    /// <summary>Per split node and path (<c>path:A</c> steps): the entries that took it and how many of them converted.</summary>
    public async Task<IReadOnlyList<PathCount>> PathCountsAsync(long workspaceId, long journeyId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Node, string Outcome, long Entries, long Converted)>(new CommandDefinition(
            """
            SELECT s.node, s.outcome, count(DISTINCT s.entry_id), count(DISTINCT CASE WHEN e.converted_at IS NOT NULL THEN s.entry_id END)
            FROM journey_steps s JOIN journey_entries e ON e.id = s.entry_id
            WHERE s.workspace_id = @workspaceId AND s.journey_id = @journeyId AND s.outcome LIKE 'path:%'
            GROUP BY s.node, s.outcome
            """, new { workspaceId, journeyId }, cancellationToken: ct));
        return [.. rows.Select(r => new PathCount(r.Node, r.Outcome["path:".Length..], r.Entries, r.Converted)).OrderBy(r => r.Node, StringComparer.Ordinal).ThenBy(r => r.Path, StringComparer.Ordinal)];
    }
}
