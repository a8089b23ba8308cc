using System.Diagnostics;
using System.Globalization;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// A synthetic shop written straight into a SQLite store (never into git): 1,000,000 customers × scale with
/// country, gender and age traits, ten orders each on average over two years ending <see cref="End"/> (one line
/// each, 1,000 products; 5 % partially and 2 % wholly refunded). Seeded, so every run builds the same store; kept
/// in a data folder and reused by the next run at the same scale, since writing 10,000,000 orders takes minutes.
/// </summary>
public static class SyntheticStore
{
    public static readonly DateOnly End = new(2026, 11, 30);

    /// <summary>Bumped whenever the generator changes what it writes, so an older store in the data folder is rebuilt.</summary>
    private const int Version = 3;

    private static readonly string[] Countries =
        ["Japan", "United States", "United Kingdom", "Germany", "France", "Spain", "Italy", "Canada", "Australia", "Brazil",
         "India", "Korea", "Netherlands", "Sweden", "Mexico", "Singapore", "Taiwan", "Poland", "Belgium", "Norway"];

    /// <summary>The store in <paramref name="folder"/>, generated when the folder holds none of this scale and version.</summary>
    public static async Task<(SqliteDatabase Database, long Customers, long Orders)> OpenAsync(string folder, double scale)
    {
        var customers = (long)(1_000_000 * scale);
        var orders = customers * 10;
        var marker = Path.Combine(folder, "w7-synthetic.txt");
        var expected = string.Create(CultureInfo.InvariantCulture, $"version {Version}, {customers} customers, {orders} orders");
        var reuse = File.Exists(marker) && await File.ReadAllTextAsync(marker) == expected;
        if (!reuse && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder });
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        if (reuse)
        {
            Console.WriteLine($"synthetic store: {customers:N0} customers, {orders:N0} orders reused from {folder}");
            return (database, customers, orders);
        }

        var watch = Stopwatch.StartNew();
        await GenerateAsync(database, customers, orders);
        await File.WriteAllTextAsync(marker, expected);
        Console.WriteLine($"synthetic store: {customers:N0} customers, {orders:N0} orders generated into {folder} in {watch.Elapsed.TotalSeconds:N0} s");
        return (database, customers, orders);
    }

    private static async Task GenerateAsync(SqliteDatabase database, long customers, long orders)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(End.AddYears(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var span = new DateTimeOffset(End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() + 86_400_000 - start;
        await using var connection = (SqliteConnection)await database.OpenAsync(CancellationToken.None);
        Execute(connection, "PRAGMA cache_size = -524288");

        // The line trigger of product_days looks up the order for every line, and the order trigger of
        // customer_purchases its customer's row, and the order trigger of order_links the customer's latest link (whose
        // own triggers add to order_link_cells, trait_cells and trait_link_cells), the product_days trigger of product_cells the
        // customer's neighbouring days, and the cohort triggers the customer's months; the roll-ups are filled in one
        // pass afterwards (the statements their migrations fill them with) and the triggers put back as they were.
        var trigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'product_days_line'");
        Execute(connection, "DROP TRIGGER IF EXISTS product_days_line");
        var purchasesTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_purchases_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS customer_purchases_added");
        var linksTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'order_links_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS order_links_added");
        var earlierTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'order_links_added_earlier'");
        Execute(connection, "DROP TRIGGER IF EXISTS order_links_added_earlier");
        var cellsTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'order_link_cells_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS order_link_cells_added");
        var traitCellsTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'trait_cells_link_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS trait_cells_link_added");
        var traitLinkCellsTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'trait_link_cells_link_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS trait_link_cells_link_added");
        var productCellsTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'product_cells_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS product_cells_added");
        var cohortTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'cohort_months_added'");
        Execute(connection, "DROP TRIGGER IF EXISTS cohort_months_added");
        var cohortEarlierTrigger = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'cohort_months_added_earlier'");
        Execute(connection, "DROP TRIGGER IF EXISTS cohort_months_added_earlier");

        Chunked(connection, customers, "INSERT INTO profiles (workspace_id, id, user_id, traits, first_seen, last_seen) VALUES (1, ?1, ?2, ?3, ?4, ?4)",
            (statement, i) => statement.Execute([
                i + 1,
                "c" + i.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture,
                    $$"""{"country":"{{Countries[Math.Min(Countries.Length - 1, (int)(random.NextDouble() * random.NextDouble() * Countries.Length * 2))]}}","gender":"{{(random.Next(2) == 0 ? "f" : "m")}}","age":{{random.Next(16, 85)}}}"""),
                start]));

        // Orders in time order with rising ids, as a live shop writes them; each to a random customer.
        Chunked(connection, orders,
            "INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at) VALUES (1, ?1, ?2, ?3, 'USD', ?4, ?5, ?6, ?6)",
            "INSERT INTO order_lines (workspace_id, order_id, line_no, product_id, name, category, price, quantity) VALUES (1, ?1, 0, ?2, ?2, ?3, ?4, 1)",
            (order, line, i) =>
            {
                var total = random.Next(5, 500) * 10_000L + (random.Next(100) * 100);
                var roll = random.Next(100);
                var product = random.Next(1_000);
                var id = "o" + i.ToString("D9", CultureInfo.InvariantCulture);
                var status = roll < 2 ? "refunded" : roll < 7 ? "partially_refunded" : "completed";
                var refunded = roll < 2 ? total : roll < 7 ? total / 2 : 0;
                var profile = 1 + (long)(customers * Math.Pow(random.NextDouble(), 1.5));
                order.Execute([id, profile, status, total, refunded, start + (span * i / orders)]);
                var productId = "p" + product.ToString("D4", CultureInfo.InvariantCulture);
                line.Execute([id, productId, "c" + (product % 25).ToString("D2", CultureInfo.InvariantCulture), total]);
            });

        Execute(connection, """
            INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
            SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
                   COUNT(DISTINCT o.order_id), SUM(CAST(ROUND(l.price * l.quantity) AS INTEGER)), SUM(l.quantity), MAX(l.name)
            FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
            WHERE o.status IN ('completed', 'partially_refunded')
            GROUP BY 1, 2, 3, 4, 5
            """);
        // What the order writer keeps per customer: spend per currency, and the main currency on the profile.
        Execute(connection, """
            INSERT INTO profile_spend (workspace_id, profile_id, currency, order_count, total_spent, first_order_at, last_order_at)
            SELECT workspace_id, profile_id, COALESCE(currency, ''),
                   SUM(CASE WHEN status IN ('completed', 'partially_refunded') THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'cancelled' OR refunded_amount >= total THEN 0 ELSE total - refunded_amount END),
                   MIN(placed_at), MAX(placed_at)
            FROM orders GROUP BY workspace_id, profile_id, COALESCE(currency, '')
            """);
        Execute(connection, """
            UPDATE profiles SET currency = NULLIF(s.currency, ''), total_spent = s.total_spent
            FROM profile_spend s WHERE s.workspace_id = profiles.workspace_id AND s.profile_id = profiles.id
            """);
        Execute(connection, MigrationStatement("0032_customer_purchases.sql", "INSERT INTO customer_purchases"));
        Execute(connection, MigrationStatement("0039_order_links.sql", "INSERT INTO order_links"));
        Execute(connection, MigrationStatement("0039_order_links.sql", "INSERT INTO order_link_cells"));
        Execute(connection, MigrationStatement("0044_trait_cells.sql", "INSERT INTO trait_cells"));
        foreach (var kind in new[] { 0, 1, 2 })
        {
            Execute(connection, MigrationStatement("0052_trait_link_cells.sql",
                string.Create(CultureInfo.InvariantCulture, $"INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)\nSELECT l.workspace_id, t.name, t.value, {kind},")));
        }

        Execute(connection, MigrationStatement("0050_product_cells.sql", "INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)\nSELECT workspace_id, currency, day, -1"));
        Execute(connection, MigrationStatement("0050_product_cells.sql", "INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)\nSELECT workspace_id, currency, day, day - p"));
        Execute(connection, MigrationStatement("0051_product_months.sql", "INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)\nSELECT workspace_id, currency, CAST"));
        Execute(connection, MigrationStatement("0051_product_months.sql", "INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)\nSELECT workspace_id, currency, m, m - p"));
        Execute(connection, MigrationStatement("0051_product_months.sql", "INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)\nSELECT workspace_id, currency, day, day - p"));
        Execute(connection, MigrationStatement("0049_cohort_cells.sql", "INSERT INTO cohort_months"));
        Execute(connection, MigrationStatement("0049_cohort_cells.sql", "INSERT INTO cohort_cells"));
        foreach (var sql in new[] { trigger, purchasesTrigger, linksTrigger, earlierTrigger, cellsTrigger, traitCellsTrigger, traitLinkCellsTrigger, productCellsTrigger, cohortTrigger, cohortEarlierTrigger })
        {
            if (sql is not null)
            {
                Execute(connection, sql);
            }
        }

        Execute(connection, "ANALYZE");
    }

    private static void Chunked(SqliteConnection connection, long rows, string sql, Action<SqliteStatement, long> write) =>
        Chunked(connection, rows, sql, null, (first, _, i) => write(first, i));

    private static void Chunked(SqliteConnection connection, long rows, string sql, string? second, Action<SqliteStatement, SqliteStatement, long> write)
    {
        using var first = new SqliteStatement(connection, sql);
        using var other = new SqliteStatement(connection, second ?? sql);
        for (long from = 0; from < rows; from += 500_000)
        {
            using var transaction = connection.BeginTransaction();
            for (var i = from; i < Math.Min(rows, from + 500_000); i++)
            {
                write(first, other, i);
            }

            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    /// <summary>The statement of an embedded SQLite migration that starts with <paramref name="start"/>, up to its semicolon.</summary>
    private static string MigrationStatement(string script, string start)
    {
        var assembly = typeof(Migrator).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("Sqlite/" + script, StringComparison.Ordinal)))!;
        var text = new StreamReader(stream).ReadToEnd();
        var from = text.IndexOf(start, StringComparison.Ordinal);
        return text[from..(text.IndexOf(';', from) + 1)];
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
