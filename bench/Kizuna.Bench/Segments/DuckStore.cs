using DuckDB.NET.Data;
using Kizuna.Storage;

namespace Kizuna.Bench.Segments;

/// <summary>
/// The columnar baseline: the same profiles in DuckDB, traits and the properties the segments read as columns, and
/// raw events only (no per-profile aggregates) — what a warehouse would scan.
/// </summary>
public sealed class DuckStore : IAsyncDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBAppender _profiles;
    private readonly DuckDBAppender _events;
    private readonly DuckDBAppender _orders;
    private readonly DuckDBAppender _lines;
    private readonly DuckDBAppender _values;

    public DuckStore(string path)
    {
        _connection = new DuckDBConnection($"Data Source={path}");
        _connection.Open();
        Execute("""
            CREATE TABLE profiles (id BIGINT, country VARCHAR, plan VARCHAR, age INTEGER, birthday VARCHAR, unsubscribed BOOLEAN, timezone VARCHAR,
                locale VARCHAR, order_count BIGINT, total_spent DECIMAL(18,4), first_order_at BIGINT, last_order_at BIGINT);
            CREATE TABLE events (profile_id BIGINT, type VARCHAR, name VARCHAR, ts BIGINT, total BIGINT, category VARCHAR, product_id VARCHAR);
            CREATE TABLE orders (order_id VARCHAR, profile_id BIGINT, status VARCHAR, total DECIMAL(18,4), placed_at BIGINT);
            CREATE TABLE order_lines (order_id VARCHAR, product_id VARCHAR, category VARCHAR, price DECIMAL(18,4));
            CREATE TABLE profile_values (profile_id BIGINT, name VARCHAR, text_value VARCHAR);
            """);
        _profiles = _connection.CreateAppender("profiles");
        _events = _connection.CreateAppender("events");
        _orders = _connection.CreateAppender("orders");
        _lines = _connection.CreateAppender("order_lines");
        _values = _connection.CreateAppender("profile_values");
    }

    public DuckDBConnection Connection => _connection;

    public void Write(W3Profile p)
    {
        _profiles.CreateRow().AppendValue(p.Id).AppendValue(p.Country).AppendValue(p.Plan).AppendValue(p.Age).AppendValue(p.Birthday)
            .AppendValue(p.Unsubscribed).AppendValue(p.Timezone).AppendValue(p.Locale).AppendValue((long)p.Orders.Count)
            .AppendValue((decimal)p.Orders.Sum(o => o.Total))
            .AppendValue(p.Orders.Count > 0 ? p.Orders.Min(o => o.PlacedAt) : (long?)null)
            .AppendValue(p.Orders.Count > 0 ? p.Orders.Max(o => o.PlacedAt) : (long?)null).EndRow();
        foreach (var e in p.Events)
        {
            _events.CreateRow().AppendValue(p.Id).AppendValue(e.Type).AppendValue(e.CountName).AppendValue(e.Ts).AppendValue(e.Total)
                .AppendValue(e.Category).AppendValue(e.ProductId).EndRow();
        }

        foreach (var order in p.Orders)
        {
            _orders.CreateRow().AppendValue(order.OrderId).AppendValue(p.Id).AppendValue("completed").AppendValue((decimal)order.Total).AppendValue(order.PlacedAt).EndRow();
            foreach (var (product, category, price) in order.Lines)
            {
                _lines.CreateRow().AppendValue(order.OrderId).AppendValue(product).AppendValue(category).AppendValue((decimal)price).EndRow();
            }
        }

        if (p.RfmSegment is { } rfm)
        {
            _values.CreateRow().AppendValue(p.Id).AppendValue("rfm_segment").AppendValue(rfm).EndRow();
        }
    }

    /// <summary>Closes the appenders, so the rows are in the tables.</summary>
    public void Complete()
    {
        foreach (var appender in new[] { _profiles, _events, _orders, _lines, _values })
        {
            appender.Close();
        }
    }

    public long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var appender in new[] { _profiles, _events, _orders, _lines, _values })
        {
            appender.Dispose();
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
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
