using Dapper;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Analytics.Scores;

/// <summary>Reads what the last refresh wrote: a customer's scores, and the workspace's summary (one row).</summary>
public sealed class ScoreReader(Database database, ProfileValueReader values)
{
    /// <summary>The last refresh's summary, or null before the first refresh.</summary>
    public async Task<ScoreSummary?> SummaryAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT summary FROM score_summaries WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
        return json is null ? null : ScoreSummaryJson.Read(json);
    }

    /// <summary>The customer's values of the names the refresh owns, by name (empty before they were scored).</summary>
    public async Task<IReadOnlyDictionary<string, ProfileValue>> ForProfileAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        var all = await values.ReadAsync(workspaceId, profileId, ct);
        return all.Where(v => ScoreNames.All.Contains(v.Name)).ToDictionary(v => v.Name, StringComparer.Ordinal);
    }
}
