using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="EngagementMetrics"/> from the per-profile daily roll-ups (<c>daily_counts</c>) in one grouped
/// query: page views (<c>$page</c>), session starts (<c>$session</c>), orders and the engagement events messaging
/// writes back (<see cref="EngagementNames"/>). Names nobody sent are simply absent and count 0.
/// </summary>
public sealed class EngagementReader(Database database)
{
    private static readonly string NameList = string.Join(", ", EngagementNames.All.Select(n => $"'{n}'"));

    public async Task<EngagementMetrics> ReadAsync(MetricsQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(string Name, long Count, long Profiles)>(new CommandDefinition(
            $"""
            SELECT d.name, CAST(SUM(d.count) AS bigint), COUNT(DISTINCT d.profile_id)
            FROM daily_counts d
            WHERE d.workspace_id = @workspaceId AND d.day >= @firstDay AND d.day <= @lastDay AND d.name IN ({NameList})
              AND {ScopeSql.Condition(query.Scope, database.Dialect, "d.profile_id")}
            GROUP BY d.name
            """,
            OrderSql.Parameters(query, null), cancellationToken: ct))).ToDictionary(r => r.Name, StringComparer.Ordinal);

        long Count(string name) => rows.TryGetValue(name, out var r) ? r.Count : 0;
        long Profiles(string name) => rows.TryGetValue(name, out var r) ? r.Profiles : 0;
        double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

        var sessions = Count(EngagementNames.Session);
        var active = Profiles(EngagementNames.Session);
        var buyers = Profiles(EngagementNames.OrderCompleted);
        return new EngagementMetrics(
            Count(EngagementNames.Page), sessions, active, buyers,
            Ratio(Count(EngagementNames.Page), sessions), Ratio(sessions, active), Ratio(Math.Min(buyers, active), active),
            new ChannelRates("email", Count(EngagementNames.EmailSent), Count(EngagementNames.EmailDelivered), Count(EngagementNames.EmailOpened), Count(EngagementNames.EmailLinkClicked)),
            new ChannelRates("sms", Count(EngagementNames.SmsSent), Count(EngagementNames.SmsDelivered), 0, Count(EngagementNames.SmsLinkClicked)),
            new ChannelRates("push", Count(EngagementNames.PushSent), Count(EngagementNames.PushDelivered), Count(EngagementNames.PushOpened), 0));
    }
}
