using System.Globalization;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="NpsResult"/> from the <c>Survey Responded</c> events' numeric <c>score</c> property, grouped by
/// day and score in SQL (a partial index keeps these events apart from the rest, so the name is written into the
/// statement, where the planner can match it to the index, rather than bound), so the service sees at most
/// eleven rows per day.
/// </summary>
public sealed class NpsReader(Database database)
{
    public const string EventName = EngagementNames.SurveyResponded;

    public async Task<NpsResult> ReadAsync(MetricsQuery query, CancellationToken ct)
    {
        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Day, string? Score, long Count)>(new CommandDefinition(
            $"""
            SELECT e.ts / 86400000 AS day, {dialect.JsonText("e.properties", "'score'")} AS score, COUNT(*)
            FROM events e
            WHERE e.workspace_id = @workspaceId AND e.name = '{EventName}' AND e.type = 'track'
              AND e.ts >= @since AND e.ts < @until AND {ScopeSql.Condition(query.Scope, dialect, "e.profile_id")}
            GROUP BY e.ts / 86400000, {dialect.JsonText("e.properties", "'score'")}
            """,
            OrderSql.Parameters(query, null), cancellationToken: ct));

        var distribution = new long[11];
        var buckets = TrendBuckets.All(query.Period).ToDictionary(b => b, _ => new long[11]);
        long ignored = 0;
        foreach (var (day, text, count) in rows)
        {
            if (Score(text) is not { } score)
            {
                ignored += count;
                continue;
            }

            distribution[score] += count;
            buckets[TrendBuckets.StartOf(query.Period, Days.Of(day))][score] += count;
        }

        return NpsResult.From(distribution, ignored) with
        {
            Trend = [.. buckets.Select(b => new NpsPoint(b.Key, b.Value.Sum(), NpsResult.From(b.Value, 0).Score))],
        };
    }

    /// <summary>A whole number from 0 to 10, written as a number or as text (<c>9</c>, <c>"9"</c>, <c>9.0</c>).</summary>
    private static int? Score(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && value == decimal.Truncate(value) && value is >= 0 and <= 10
            ? (int)value
            : null;
}
