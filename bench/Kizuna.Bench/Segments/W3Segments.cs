using static Kizuna.Bench.Segments.DuckStore;

namespace Kizuna.Bench.Segments;

/// <summary>
/// W3's ten typical segments (docs/BENCHMARKS.md). A window of N days starts at the first millisecond of the UTC day
/// N − 1 days ago, as the segment language counts it, and the DuckDB queries use the same bounds.
/// </summary>
public static class W3Segments
{
    public static IReadOnlyList<W3Segment> All { get; } =
    [
        new("1 traits", """trait.country = "JP" and trait.plan in ["gold", "platinum"]""",
            "SELECT count(*) FROM profiles WHERE country = 'JP' AND plan IN ('gold', 'platinum')"),
        new("2 number trait", """trait.age between 25 and 34 and not trait.unsubscribed = true""",
            "SELECT count(*) FROM profiles WHERE age BETWEEN 25 AND 34 AND NOT unsubscribed"),
        new("3 count in window", """performed("Product Viewed", count >= 5, within 30d)""",
            $"SELECT count(*) FROM (SELECT profile_id FROM events WHERE name = 'Product Viewed' AND ts >= {DayStart(29)} GROUP BY profile_id HAVING count(*) >= 5)"),
        new("4 lapsed buyers", """performed("Order Completed") and not performed("Order Completed", within 90d)""",
            $"SELECT count(*) FROM (SELECT profile_id FROM events WHERE name = 'Order Completed' GROUP BY profile_id HAVING max(ts) < {DayStart(89)})"),
        new("5 property filter", """performed("Order Completed", within 30d, property.total > 10000)""",
            $"SELECT count(DISTINCT profile_id) FROM events WHERE name = 'Order Completed' AND ts >= {DayStart(29)} AND total > 10000"),
        new("6 commerce", """order_count >= 3 and total_spent > 30000""",
            "SELECT count(*) FROM profiles WHERE order_count >= 3 AND total_spent > 30000"),
        new("7 bought category", """bought(category "緑茶", within 90d)""",
            $"SELECT count(DISTINCT o.profile_id) FROM orders o JOIN order_lines l ON l.order_id = o.order_id WHERE l.category = '緑茶' AND o.placed_at >= {DayStart(89)}"),
        new("8 computed value", """value.rfm_segment in ["Champions", "Loyal"] and last_order_at more than 60 days ago""",
            $"SELECT count(*) FROM profiles p JOIN profile_values v ON v.profile_id = p.id AND v.name = 'rfm_segment' WHERE v.text_value IN ('Champions', 'Loyal') AND p.last_order_at < {DayStart(60)}"),
        new("9 opened, not clicked", """performed("Email Opened", within 14d) and not performed("Email Clicked", within 14d)""",
            $"SELECT count(*) FROM (SELECT profile_id FROM events WHERE name IN ('Email Opened', 'Email Clicked') AND ts >= {DayStart(13)} GROUP BY profile_id "
            + "HAVING count(*) FILTER (WHERE name = 'Email Opened') > 0 AND count(*) FILTER (WHERE name = 'Email Clicked') = 0)"),
        new("10 nested", """(trait.country = "JP" or profile.locale starts with "ja") and (performed("Added to Cart", within 7d) or last_performed("Product Viewed") less than 3 days ago) and not performed("Order Completed", within 7d) and not trait.unsubscribed = true""",
            "SELECT count(*) FROM profiles p WHERE (country = 'JP' OR starts_with(locale, 'ja')) AND NOT unsubscribed"
            + $" AND (p.id IN (SELECT profile_id FROM events WHERE name = 'Added to Cart' AND ts >= {DayStart(6)})"
            + $" OR p.id IN (SELECT profile_id FROM events WHERE name = 'Product Viewed' GROUP BY profile_id HAVING max(ts) >= {DayStart(2)}))"
            + $" AND p.id NOT IN (SELECT profile_id FROM events WHERE name = 'Order Completed' AND ts >= {DayStart(6)})"),
    ];
}
