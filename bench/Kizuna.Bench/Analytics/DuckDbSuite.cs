using System.Globalization;
using DuckDB.NET.Data;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// The same computations as <see cref="KizunaSuite"/> in DuckDB (in memory, tables loaded from the exported CSV
/// files before timing): same orders counted, same money (DECIMAL), same groupings.
/// </summary>
public sealed class DuckDbSuite(string folder, long since, long until, string memberCountry) : IDisposable
{
    private readonly DuckDBConnection _connection = Open(folder);

    public decimal Revenue { get; private set; }

    public string Version => _connection.ServerVersion;

    public Task RunAsync()
    {
        var counted = $"status IN ('completed', 'partially_refunded') AND placed_at >= {since} AND placed_at < {until}";
        string Commerce(string filter) => $"""
            SELECT COUNT(*), SUM(n), SUM(CASE WHEN n > 1 THEN 1 ELSE 0 END), SUM(CASE WHEN n > 1 THEN last_at - first_at ELSE 0 END),
                   SUM(spend), SUM(CASE WHEN n > 1 THEN spend ELSE 0 END)
            FROM (SELECT profile_id, COUNT(*) AS n, SUM(total - refunded) AS spend, MIN(placed_at) AS first_at, MAX(placed_at) AS last_at
                  FROM orders WHERE {counted} {filter} GROUP BY profile_id)
            """;
        Revenue = Convert.ToDecimal(Scalar(Commerce(""), 4), CultureInfo.InvariantCulture);
        Run($"SELECT placed_at // 86400000 AS day, COUNT(*), SUM(total - refunded) FROM orders WHERE {counted} GROUP BY day");
        Run($"""
            SELECT f.cohort, strftime(make_timestamp(o.placed_at * 1000), '%Y-%m') AS month, COUNT(DISTINCT o.profile_id)
            FROM orders o JOIN (SELECT profile_id, strftime(make_timestamp(MIN(placed_at) * 1000), '%Y-%m') AS cohort FROM orders
                                WHERE status IN ('completed', 'partially_refunded') GROUP BY profile_id
                                HAVING MIN(placed_at) >= {since} AND MIN(placed_at) < {until}) f ON f.profile_id = o.profile_id
            WHERE o.status IN ('completed', 'partially_refunded') AND o.placed_at < {until}
            GROUP BY f.cohort, month
            """);
        Run($"""
            SELECT p.country, SUM(o.total - o.refunded), COUNT(*), COUNT(DISTINCT o.profile_id)
            FROM orders o JOIN profiles p ON p.id = o.profile_id WHERE {counted.Replace("status", "o.status", StringComparison.Ordinal).Replace("placed_at", "o.placed_at", StringComparison.Ordinal)}
            GROUP BY p.country ORDER BY 2 DESC
            """);
        Run($"""
            SELECT l.product_id, SUM(l.price * CAST(l.quantity AS DECIMAL(18, 4))) AS revenue, COUNT(DISTINCT o.order_id), COUNT(DISTINCT o.profile_id)
            FROM orders o JOIN lines l ON l.order_id = o.order_id
            WHERE {counted.Replace("status", "o.status", StringComparison.Ordinal).Replace("placed_at", "o.placed_at", StringComparison.Ordinal)}
            GROUP BY l.product_id ORDER BY revenue DESC LIMIT 200
            """);
        var members = $"SELECT id FROM profiles WHERE country = '{memberCountry}'";
        Run(Commerce($"AND profile_id IN ({members})"));
        Run(Commerce($"AND profile_id NOT IN ({members})"));
        return Task.CompletedTask;
    }

    public void Dispose() => _connection.Dispose();

    private static DuckDBConnection Open(string folder)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $$"""
            CREATE TABLE orders AS SELECT * FROM read_csv('{{Path.Combine(folder, "orders.csv")}}', header = true,
                columns = {'order_id': 'VARCHAR', 'profile_id': 'BIGINT', 'status': 'VARCHAR', 'currency': 'VARCHAR', 'total': 'DECIMAL(18,4)', 'refunded': 'DECIMAL(18,4)', 'placed_at': 'BIGINT'});
            CREATE TABLE lines AS SELECT * FROM read_csv('{{Path.Combine(folder, "lines.csv")}}', header = true,
                columns = {'order_id': 'VARCHAR', 'product_id': 'VARCHAR', 'price': 'DECIMAL(18,4)', 'quantity': 'DOUBLE'});
            CREATE TABLE profiles AS SELECT * FROM read_csv('{{Path.Combine(folder, "profiles.csv")}}', header = true,
                columns = {'id': 'BIGINT', 'country': 'VARCHAR'});
            """;
        command.ExecuteNonQuery();
        return connection;
    }

    private object? Scalar(string sql, int column)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetValue(column);
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }
}
