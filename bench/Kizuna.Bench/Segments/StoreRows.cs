using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Bench.Segments;

/// <summary>
/// A generated profile as the rows ingestion would have left in the store: the profile with its commerce totals,
/// events, per-event totals and daily roll-ups, orders and lines, and a computed RFM value.
/// </summary>
public static class StoreRows
{
    public static readonly Dictionary<string, string[]> Columns = new()
    {
        ["profiles"] = ["workspace_id", "id", "user_id", "traits", "context", "first_seen", "last_seen", "event_count", "page_views", "order_count", "total_spent", "currency", "first_order_at", "last_order_at"],
        ["events"] = ["workspace_id", "profile_id", "event_id", "message_id", "type", "name", "ts", "received_at", "properties"],
        ["orders"] = ["workspace_id", "order_id", "profile_id", "status", "currency", "total", "placed_at", "updated_at"],
        ["order_lines"] = ["workspace_id", "order_id", "line_no", "product_id", "name", "category", "price", "quantity"],
        ["profile_values"] = ["workspace_id", "profile_id", "name", "text_value", "computed_at"],

        // The roll-ups: summed by SQLite from each chunk's events (RollUps), written as rows into PostgreSQL (W3RollUps).
        ["event_counts"] = ["workspace_id", "profile_id", "name", "count", "first_at", "last_at"],
        ["daily_counts"] = ["workspace_id", "profile_id", "name", "day", "count"],
    };

    /// <summary>Every table the load fills.</summary>
    public static readonly string[] Tables = [.. Columns.Keys];

    public static async ValueTask WriteAsync(IRowSink sink, W3Profile p, StoreKind kind, bool json)
    {
        const long ws = 1;
        var spent = p.Orders.Sum(o => o.Total);
        var first = p.Events.Count > 0 ? p.Events.Min(e => e.Ts) : Epoch.ToMs(W3Generator.Now);
        var last = p.Events.Count > 0 ? p.Events.Max(e => e.Ts) : first;
        await sink.RowAsync("profiles", [ws, p.Id, "u" + p.Id, Json(p.TraitsJson, json), Json(p.ContextJson, json), first, last, (long)p.Events.Count,
            (long)p.Events.Count(e => e.Type == "page"), (long)p.Orders.Count, Money.ToStored(spent, kind), p.Orders.Count > 0 ? "JPY" : null,
            p.Orders.Count > 0 ? p.Orders.Min(o => o.PlacedAt) : null, p.Orders.Count > 0 ? p.Orders.Max(o => o.PlacedAt) : null]);
        var n = 0;
        foreach (var e in p.Events)
        {
            var eventId = Guid.CreateVersion7(Epoch.FromMs(e.Ts));
            await sink.RowAsync("events", [ws, p.Id, kind == StoreKind.Postgres ? eventId : eventId.ToByteArray(), $"m{p.Id}-{n++}", e.Type, e.Name, e.Ts, e.Ts,
                e.PropertiesJson is { } properties ? Json(properties, json) : null]);
        }

        foreach (var order in p.Orders)
        {
            await sink.RowAsync("orders", [ws, order.OrderId, p.Id, "completed", "JPY", Money.ToStored(order.Total, kind), order.PlacedAt, order.PlacedAt]);
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var (product, category, price) = order.Lines[i];
                await sink.RowAsync("order_lines", [ws, order.OrderId, i, product, product, category, Money.ToStored(price, kind), kind == StoreKind.Postgres ? 1.0 : 1L]);
            }
        }

        if (p.RfmSegment is { } rfm)
        {
            await sink.RowAsync("profile_values", [ws, p.Id, "rfm_segment", rfm, Epoch.ToMs(W3Generator.Now)]);
        }
    }

    /// <summary>
    /// The per-profile totals and daily roll-ups of the events matching <paramref name="events"/> (a filter on
    /// <c>events</c>), summed by the engine after each chunk of profiles is written, as ingestion keeps them: page
    /// views count as <c>$page</c>, days are UTC day numbers.
    /// </summary>
    public static string[] RollUps(string events) =>
    [
        "INSERT INTO event_counts (workspace_id, profile_id, name, count, first_at, last_at) SELECT workspace_id, profile_id, "
            + $"{CountName}, COUNT(*), MIN(ts), MAX(ts) FROM events WHERE {events} GROUP BY workspace_id, profile_id, 3",
        "INSERT INTO daily_counts (workspace_id, profile_id, name, day, count) SELECT workspace_id, profile_id, "
            + $"{CountName}, ts / 86400000, COUNT(*) FROM events WHERE {events} GROUP BY workspace_id, profile_id, 3, 4",
    ];

    private const string CountName = "CASE WHEN type = 'page' THEN '$page' ELSE name END";

    // PostgreSQL's binary COPY wants jsonb as a typed value; SQLite takes the text.
    private static object Json(string text, bool json) => json ? new JsonText(text) : text;
}
