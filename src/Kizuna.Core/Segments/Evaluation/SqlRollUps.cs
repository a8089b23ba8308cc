using Kizuna.Ingestion;
using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// Conditions on an event's roll-ups that are answered as "a row exists" rather than counted. Every
/// <c>event_counts</c> and <c>daily_counts</c> row counts at least one event (ingestion only adds, a merge adds up),
/// and an event's last time and its days come from the same timestamps. So "at least once within a window" is "a
/// daily row in the window" (a set read once, no grouping), "last performed on or after a day" is the same set from
/// that day, and "performed, but not within the last N days" is the one <c>event_counts</c> row's last time before
/// the window: one probe per profile instead of every buyer's row against the set of recent buyers. Session starts
/// share <c>daily_counts</c> under their own name without an <c>event_counts</c> row, so that name is left to the
/// counting forms.
/// </summary>
internal sealed class SqlRollUps(SqlParameters p, SegmentClock clock, string ws)
{
    /// <summary>A count test that every count of one or more passes and zero fails.</summary>
    public static bool AtLeastOnce(Test count) =>
        count.Operator is Operator.GreaterOrEqual or Operator.Greater && !ValueTests.Number(0, count) && ValueTests.Number(1, count);

    /// <summary>The profiles with a daily row of the event between two UTC days (null: no end).</summary>
    public string OnDays(string name, int first, int? last) =>
        $"p.id IN (SELECT d.profile_id FROM daily_counts d WHERE d.workspace_id = {ws} AND d.name = {name} AND d.day >= {p.Add(first)}"
        + (last is { } l ? $" AND d.day <= {p.Add(l)}" : "") + ")";

    /// <summary>An exists form of a performed condition without filters, or null when it counts.</summary>
    public string? Performed(PerformedCondition performed)
    {
        if (performed.Where.Count > 0 || performed.Window is null || !AtLeastOnce(performed.Count) || performed.Event == BatchWriter.SessionCountName)
        {
            return null;
        }

        var (first, last) = clock.Days(performed.Window);
        return OnDays(p.Add(performed.Event), first, last);
    }

    /// <summary>"Last performed less than N days ago" or "after a date" as the daily rows from a day, else null.</summary>
    public string? LastSince(EventTimeCondition time)
    {
        if (time.Which != EventTime.Last || time.Where.Count > 0 || time.Event == BatchWriter.SessionCountName)
        {
            return null;
        }

        int? first = time.Test.Operator switch
        {
            Operator.LessThanDaysAgo => clock.Today - ((DaysLiteral)time.Test.Operands[0]).Value + 1,
            Operator.After => SegmentClock.DayOf(((DateLiteral)time.Test.Operands[0]).Value) + 1,
            _ => null,
        };
        return first is { } day ? OnDays(p.Add(time.Event), day, null) : null;
    }

    /// <summary>
    /// Finds <c>performed(E)</c> beside <c>not performed(E, within Nd)</c> among the conditions of an <c>and</c> and
    /// returns the pair's two positions and their one test (performed ever, last before the window's first day).
    /// </summary>
    public (int Ever, int NotSince, string Sql)? Lapsed(ValueList<Condition> conditions)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i] is not PerformedCondition { Window: null, Where.Count: 0 } ever || !AtLeastOnce(ever.Count) || ever.Event == BatchWriter.SessionCountName)
            {
                continue;
            }

            for (var j = 0; j < conditions.Count; j++)
            {
                if (conditions[j] is NotCondition { Condition: PerformedCondition { Window.Days: not null, Where.Count: 0 } recent }
                    && recent.Event == ever.Event && AtLeastOnce(recent.Count))
                {
                    var from = SegmentClock.Ms(clock.Days(recent.Window).From);
                    return (i, j, "EXISTS (SELECT 1 FROM event_counts c WHERE c.workspace_id = p.workspace_id AND c.profile_id = p.id"
                        + $" AND c.name = {p.Add(ever.Event)} AND c.last_at < {p.Add(from)})");
                }
            }
        }

        return null;
    }
}
