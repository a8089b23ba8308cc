using Dapper;
using Kizuna.Storage;

namespace Kizuna.Profiles;

/// <summary>
/// Reads a profile's computed values, whatever feature wrote them, by name: the <c>computed_values</c> view holds the
/// rows of <c>profile_values</c> and the scores of <c>customer_scores</c> as rows of the same shape.
/// </summary>
public sealed class ProfileValueReader(Database database)
{
    public async Task<IReadOnlyList<ProfileValue>> ReadAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Name, double? Number, string? Text, long ComputedAt)>(new CommandDefinition(
            """
            SELECT name, number_value, text_value, computed_at FROM computed_values
            WHERE workspace_id = @workspaceId AND profile_id = @profileId ORDER BY name
            """,
            new { workspaceId, profileId }, cancellationToken: ct));
        return [.. rows.Select(r => new ProfileValue(r.Name, r.Number, r.Text, Epoch.FromMs(r.ComputedAt)))];
    }
}
