using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>The workspace's active segments by name, for choosing a metrics scope (<see cref="MetricsScope.Segment"/>).</summary>
public sealed class SegmentChoices(Database database)
{
    public async Task<IReadOnlyList<SegmentChoice>> ListAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Name, long Members)>(new CommandDefinition(
            "SELECT id, name, member_count FROM segments WHERE workspace_id = @workspaceId AND status = 'active' ORDER BY name",
            new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => new SegmentChoice(r.Id, r.Name, r.Members))];
    }
}
