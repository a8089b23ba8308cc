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

    /// <summary>The customer's scores, or null when the workspace has no such (unmerged) profile.</summary>
    public async Task<CustomerScores?> ForCustomerAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        string? currency;
        await using (var connection = await database.OpenAsync(ct))
        {
            // '' for a profile without a currency, null for no profile.
            currency = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT COALESCE(currency, '') FROM profiles WHERE workspace_id = @workspaceId AND id = @profileId AND merged_into IS NULL",
                new { workspaceId, profileId }, cancellationToken: ct));
        }

        if (currency is null)
        {
            return null;
        }

        var all = await values.ReadAsync(workspaceId, profileId, ct);
        return CustomerScores.From(profileId, currency == "" ? null : currency,
            all.Where(v => ScoreNames.All.Contains(v.Name)).ToDictionary(v => v.Name, StringComparer.Ordinal));
    }
}
