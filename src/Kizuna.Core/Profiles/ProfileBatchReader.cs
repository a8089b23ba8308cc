using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Profiles;

/// <summary>
/// What a template model needs of many profiles at once (the profile with its spend, its latest order, its computed
/// values), in a few set-based queries on one connection instead of several queries per profile: the outbox reads a
/// whole part of a campaign's audience this way before rendering it. Merged and missing profiles are left out; the
/// caller reads those one by one.
/// </summary>
public sealed class ProfileBatchReader(Database database)
{
    public async Task<IReadOnlyList<ProfileForModel>> ReadAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct)
    {
        if (profileIds.Count == 0)
        {
            return [];
        }

        var dialect = database.Dialect;
        var kind = database.Kind;
        var parameters = new { workspaceId, ids = dialect.Ids(profileIds) };
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {ProfileRow.Columns} FROM profiles WHERE workspace_id = @workspaceId AND {dialect.InIds("id", "@ids")} AND merged_into IS NULL",
            parameters, cancellationToken: ct));
        var spend = (await connection.QueryAsync<(long ProfileId, string Currency, long Orders, decimal Total, long? FirstAt, long? LastAt)>(new CommandDefinition(
            $"""
            SELECT profile_id, currency, order_count, total_spent, first_order_at, last_order_at FROM profile_spend
            WHERE workspace_id = @workspaceId AND {dialect.InIds("profile_id", "@ids")}
            """,
            parameters, cancellationToken: ct))).ToLookup(s => s.ProfileId);
        var values = (await connection.QueryAsync<(long ProfileId, string Name, double? Number, string? Text, long ComputedAt)>(new CommandDefinition(
            $"""
            SELECT profile_id, name, number_value, text_value, computed_at FROM computed_values
            WHERE workspace_id = @workspaceId AND {dialect.InIds("profile_id", "@ids")} ORDER BY profile_id, name
            """,
            parameters, cancellationToken: ct))).ToLookup(v => v.ProfileId);
        var buyers = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT DISTINCT profile_id FROM orders WHERE workspace_id = @workspaceId AND {dialect.InIds("profile_id", "@ids")}",
            parameters, cancellationToken: ct))).ToHashSet();

        var found = new List<ProfileForModel>();
        foreach (var row in rows)
        {
            var profile = ProfileService.WithSpend(row.ToProfile(kind), spend[row.Id].Select(s => (s.Currency, s.Orders, s.Total, s.FirstAt, s.LastAt)), kind);
            var latest = buyers.Contains(row.Id) && await OrderReader.ForProfileAsync(connection, dialect, workspaceId, row.Id, ct, limit: 1) is [var order, ..] ? order : null;
            found.Add(new ProfileForModel(
                profile, latest, [.. values[row.Id].Select(v => new ProfileValue(v.Name, v.Number, v.Text, Epoch.FromMs(v.ComputedAt)))]));
        }

        return found;
    }
}
