using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Consent;

/// <summary>The <c>subscriptions</c> table: each profile's stored answers per channel and group.</summary>
public sealed class SubscriptionStore(Database database)
{
    public async Task<IReadOnlyList<Subscription>> ReadAsync(long workspaceId, long profileId, CancellationToken ct) =>
        (await ReadManyAsync(workspaceId, [profileId], ct)).GetValueOrDefault(profileId) ?? [];

    /// <summary>The answers of many profiles at once (a send batch), by profile.</summary>
    public async Task<Dictionary<long, List<Subscription>>> ReadManyAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct)
    {
        var byProfile = new Dictionary<long, List<Subscription>>();
        if (profileIds.Count == 0)
        {
            return byProfile;
        }

        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ProfileId, string Channel, long GroupId, string State, string Source, long ChangedAt)>(new CommandDefinition(
            $"""
            SELECT profile_id, channel, group_id, state, source, changed_at FROM subscriptions
            WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("profile_id", "@ids")}
            """,
            new { workspaceId, ids = database.Dialect.Ids(profileIds) }, cancellationToken: ct));
        foreach (var row in rows)
        {
            if (!byProfile.TryGetValue(row.ProfileId, out var list))
            {
                byProfile[row.ProfileId] = list = [];
            }

            list.Add(new Subscription(MessageChannels.Parse(row.Channel), row.GroupId, SubscriptionStates.Parse(row.State), row.Source, Epoch.FromMs(row.ChangedAt)));
        }

        return byProfile;
    }

    /// <summary>
    /// Stores the answers that are newer than the stored ones and say something else, in one transaction; answers
    /// are keyed by (channel, group id). Returns the state each stored answer replaced, by its index in <paramref name="changes"/>.
    /// </summary>
    internal async Task<Dictionary<int, SubscriptionState?>> WriteAsync(
        long workspaceId, long profileId, IReadOnlyList<(MessageChannel Channel, long GroupId, SubscriptionState State, string Source, DateTimeOffset At)> changes, CancellationToken ct)
    {
        var written = new Dictionary<int, SubscriptionState?>();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < changes.Count; i++)
        {
            var (channel, groupId, state, source, at) = changes[i];
            var args = new { workspaceId, profileId, channel = MessageChannels.Name(channel), groupId, state = SubscriptionStates.Name(state), source, at = Epoch.ToMs(at) };
            var stored = await connection.QuerySingleOrDefaultAsync<(string State, long ChangedAt)?>(new CommandDefinition(
                """
                SELECT state, changed_at FROM subscriptions
                WHERE workspace_id = @workspaceId AND profile_id = @profileId AND channel = @channel AND group_id = @groupId
                """,
                args, transaction, cancellationToken: ct));
            if (stored is { } s && (s.ChangedAt > args.at || s.State == args.state))
            {
                continue;   // a newer answer stands, or nothing changes
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO subscriptions (workspace_id, profile_id, channel, group_id, state, source, changed_at)
                VALUES (@workspaceId, @profileId, @channel, @groupId, @state, @source, @at)
                ON CONFLICT (workspace_id, profile_id, channel, group_id)
                DO UPDATE SET state = excluded.state, source = excluded.source, changed_at = excluded.changed_at
                """,
                args, transaction, cancellationToken: ct));
            written[i] = stored is { } before ? SubscriptionStates.Parse(before.State) : null;
        }

        await transaction.CommitAsync(ct);
        return written;
    }
}
