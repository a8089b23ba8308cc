using DuckDB.NET.Data;
using Kizuna.Storage;

namespace Kizuna.Bench.Segments;

/// <summary>
/// The columnar baseline: the same profiles in DuckDB, traits and the properties the segments read as columns, and
/// raw events only (no per-profile aggregates) — what a warehouse would scan.
/// </summary>
public sealed class DuckStore(string path) : IDisposable
{
    private readonly DuckDBConnection _connection = Open(path);

    /// <summary>Creates the tables and appends the generated profiles.</summary>
    public void Load(int profiles)
    {
        Execute("""
            CREATE TABLE profiles (id BIGINT, country VARCHAR, plan VARCHAR, age INTEGER, birthday VARCHAR, unsubscribed BOOLEAN, timezone VARCHAR,
                locale VARCHAR, order_count BIGINT, total_spent DECIMAL(18,4), first_order_at BIGINT, last_order_at BIGINT);
            CREATE TABLE events (profile_id BIGINT, type VARCHAR, name VARCHAR, ts BIGINT, total BIGINT, category VARCHAR, product_id VARCHAR);
            CREATE TABLE orders (order_id VARCHAR, profile_id BIGINT, status VARCHAR, total DECIMAL(18,4), placed_at BIGINT);
            CREATE TABLE order_lines (order_id VARCHAR, product_id VARCHAR, category VARCHAR, price DECIMAL(18,4));
            CREATE TABLE profile_values (profile_id BIGINT, name VARCHAR, text_value VARCHAR);
            """);
        using var profileRows = _connection.CreateAppender("profiles");
        using var events = _connection.CreateAppender("events");
        using var orders = _connection.CreateAppender("orders");
        using var lines = _connection.CreateAppender("order_lines");
        using var values = _connection.CreateAppender("profile_values");
        foreach (var p in W3Generator.Profiles(profiles))
        {
            profileRows.CreateRow().AppendValue(p.Id).AppendValue(p.Country).AppendValue(p.Plan).AppendValue(p.Age).AppendValue(p.Birthday)
                .AppendValue(p.Unsubscribed).AppendValue(p.Timezone).AppendValue(p.Locale).AppendValue((long)p.Orders.Count)
                .AppendValue((decimal)p.Orders.Sum(o => o.Total))
                .AppendValue(p.Orders.Count > 0 ? p.Orders.Min(o => o.PlacedAt) : (long?)null)
                .AppendValue(p.Orders.Count > 0 ? p.Orders.Max(o => o.PlacedAt) : (long?)null).EndRow();
            foreach (var e in p.Events)
            {
                events.CreateRow().AppendValue(p.Id).AppendValue(e.Type).AppendValue(e.CountName).AppendValue(e.Ts).AppendValue(e.Total)
                    .AppendValue(e.Category).AppendValue(e.ProductId).EndRow();
            }

            foreach (var order in p.Orders)
            {
                orders.CreateRow().AppendValue(order.OrderId).AppendValue(p.Id).AppendValue("completed").AppendValue((decimal)order.Total).AppendValue(order.PlacedAt).EndRow();
                foreach (var (product, category, price) in order.Lines)
                {
                    lines.CreateRow().AppendValue(order.OrderId).AppendValue(product).AppendValue(category).AppendValue((decimal)price).EndRow();
                }
            }

            if (p.RfmSegment is { } rfm)
            {
                values.CreateRow().AppendValue(p.Id).AppendValue("rfm_segment").AppendValue(rfm).EndRow();
            }
        }

        foreach (var appender in new[] { profileRows, events, orders, lines, values })
        {
            appender.Close();
        }

        Execute("CHECKPOINT");
    }

    public long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    private static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first millisecond of the UTC day <paramref name="daysAgo"/> days before today, as the segment windows count.</summary>
    public static long DayStart(int daysAgo) => Epoch.DayStart(Epoch.Day(Epoch.ToMs(W3Generator.Now)) - daysAgo);
}
