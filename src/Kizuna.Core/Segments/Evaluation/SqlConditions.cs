using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>Each kind of condition as a SQL boolean over the profile row <c>p</c>, TRUE or FALSE (never NULL).</summary>
internal sealed class SqlConditions(SqlParameters p, SegmentClock clock, string ws)
{
    private readonly SqlFields _fields = new(p);

    private readonly SqlRollUps _rollUps = new(p, clock, ws);

    private SqlTests Tests => new(p, clock, _fields);

    public string Of(Condition condition) => condition switch
    {
        AndCondition and => and.Conditions.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", All(and.Conditions)) + ")",
        OrCondition or => or.Conditions.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", or.Conditions.Select(Of)) + ")",
        NotCondition not => $"(NOT {Of(not.Condition)})",
        FieldCondition field => $"({Tests.Field(_fields.Field(field), field.Type, field.Test)})",
        PerformedCondition performed => Performed(performed),
        EventTimeCondition time => _rollUps.LastSince(time) ?? $"({Tests.Moment(Time(time), time.Test, time.Where.Count == 0 ? EventCountRow(time) : null)})",
        CommerceCondition commerce => $"({Commerce(commerce)})",
        BoughtCondition bought => Bought(bought),
        RefundedCondition refunded => Refunded(refunded),
        InSegmentCondition segment =>
            $"EXISTS (SELECT 1 FROM segment_members m WHERE m.workspace_id = p.workspace_id AND m.segment_id = {p.Add(segment.SegmentId)} AND m.profile_id = p.id)",
        BucketCondition bucket => $"({SqlTests.Sure(SqlTests.Number(RandomBucket.Sql("p.id"), bucket.Test, p.Number))})",
        _ => "FALSE",
    };

    // The conditions of an "and", a lapsed pair (performed, not performed recently) read as one row's last time.
    private IEnumerable<string> All(ValueList<Condition> conditions)
    {
        if (_rollUps.Lapsed(conditions) is not { } lapsed)
        {
            return conditions.Select(Of);
        }

        return conditions.Where((_, i) => i != lapsed.Ever && i != lapsed.NotSince).Select(Of).Append(lapsed.Sql);
    }

    // A count that cannot be 0 for a member is looked up as the set of profiles reaching it (one pass over the
    // aggregate); one that may be 0 per profile, since profiles without a row count too.
    private string Performed(PerformedCondition performed)
    {
        var zeroPasses = ValueTests.Number(0, performed.Count);
        var name = p.Add(performed.Event);
        string Test(string count) => SqlTests.Sure(SqlTests.Number(count, performed.Count, p.Number));
        if (performed.Where.Count > 0)
        {
            var (from, to) = clock.Millis(performed.Window);
            var events = $"FROM events e WHERE e.workspace_id = {ws} AND e.type = 'track' AND e.name = {name}"
                + (performed.Window is null ? "" : $" AND e.ts >= {p.Add(from)}")
                + (to == long.MaxValue ? "" : $" AND e.ts < {p.Add(to)}")
                + Filters(performed.Where);
            // "+ 0": grouped by the bare column, SQLite walks the (profile, time) index of every event instead of the
            // (name, time) index of the few it needs.
            return zeroPasses
                ? $"({Test($"(SELECT COUNT(*) {events} AND e.profile_id = p.id)")})"
                : $"p.id IN (SELECT e.profile_id + 0 {events} GROUP BY e.profile_id + 0 HAVING {Test("COUNT(*)")})";
        }

        if (_rollUps.Performed(performed) is { } exists)
        {
            return exists;
        }

        if (performed.Window is null)
        {
            return zeroPasses
                ? $"({Test($"COALESCE((SELECT c.count FROM event_counts c WHERE c.workspace_id = p.workspace_id AND c.profile_id = p.id AND c.name = {name}), 0)")})"
                : $"p.id IN (SELECT c.profile_id FROM event_counts c WHERE c.workspace_id = {ws} AND c.name = {name} AND {Test("c.count")})";
        }

        var (first, last) = clock.Days(performed.Window);
        var days = $"d.name = {name} AND d.day >= {p.Add(first)}" + (last is { } l ? $" AND d.day <= {p.Add(l)}" : "");
        return zeroPasses
            ? $"({Test($"(SELECT COALESCE(SUM(d.count), 0) FROM daily_counts d WHERE d.workspace_id = p.workspace_id AND d.profile_id = p.id AND {days})")})"
            : $"p.id IN (SELECT d.profile_id FROM daily_counts d WHERE d.workspace_id = {ws} AND {days} GROUP BY d.profile_id HAVING {Test("SUM(d.count)")})";
    }

    // First and last times without filters are columns of the profile's one event_counts row of the event.
    private Func<string, string> EventCountRow(EventTimeCondition time)
    {
        var name = p.Add(time.Event);
        return test => $"EXISTS (SELECT 1 FROM event_counts c WHERE c.workspace_id = p.workspace_id AND c.profile_id = p.id AND c.name = {name} AND {test})";
    }

    private string Time(EventTimeCondition time)
    {
        if (time.Where.Count == 0)
        {
            return time.Which == EventTime.First ? "c.first_at" : "c.last_at";
        }

        var name = p.Add(time.Event);
        var aggregate = time.Which == EventTime.First ? "MIN(e.ts)" : "MAX(e.ts)";
        return $"(SELECT {aggregate} FROM events e WHERE e.workspace_id = p.workspace_id AND e.profile_id = p.id AND e.type = 'track' AND e.name = {name}{Filters(time.Where)})";
    }

    private string Filters(ValueList<PropertyFilter> where) =>
        string.Concat(where.Select(f => $" AND {Tests.Field(_fields.Json("e.properties", f.Path), f.Type, f.Test)}"));

    private string Commerce(CommerceCondition commerce) => commerce.Metric switch
    {
        CommerceMetric.OrderCount => SqlTests.Sure(SqlTests.Number("p.order_count", commerce.Test, p.Number)),
        CommerceMetric.TotalSpent => SqlTests.Sure(SqlTests.Number("p.total_spent", commerce.Test, p.Money)),
        // total against operand × count: exact in integers (SQLite) and numeric (PostgreSQL), as in memory.
        CommerceMetric.AverageOrderValue => SqlTests.Sure($"p.order_count > 0 AND {SqlTests.Number("p.total_spent", commerce.Test, v => $"({p.Money(v)} * p.order_count)")}"),
        CommerceMetric.FirstOrderAt => Tests.Moment("p.first_order_at", commerce.Test),
        _ => Tests.Moment("p.last_order_at", commerce.Test),
    };

    private string Bought(BoughtCondition bought)
    {
        var column = bought.By switch { ProductKey.Product => "l.product_id", ProductKey.Sku => "l.sku", _ => "l.category" };
        return "EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id"
            + $" WHERE o.workspace_id = p.workspace_id AND o.profile_id = p.id AND o.status <> 'cancelled' AND {column} = {p.Add(bought.Value)}{Window("o.placed_at", bought.Window)})";
    }

    private string Refunded(RefundedCondition refunded) =>
        "EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = p.workspace_id AND o.profile_id = p.id"
        + $" AND o.status IN ('refunded', 'partially_refunded'){Window("o.updated_at", refunded.Window)})";

    private string Window(string column, Window? window)
    {
        if (window is null)
        {
            return "";
        }

        var (from, to) = clock.Millis(window);
        return $" AND {column} >= {p.Add(from)}" + (to == long.MaxValue ? "" : $" AND {column} < {p.Add(to)}");
    }
}
