using System.Globalization;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// A synthetic shop written straight into a fresh SQLite store (never into git): 1,000,000 customers × scale with
/// country, gender and age traits, ten orders each on average over two years ending <see cref="End"/> (one line
/// each, 1,000 products; 5 % partially and 2 % wholly refunded). Seeded, so every run builds the same store.
/// </summary>
public static class SyntheticStore
{
    public static readonly DateOnly End = new(2026, 11, 30);

    private static readonly string[] Countries =
        ["Japan", "United States", "United Kingdom", "Germany", "France", "Spain", "Italy", "Canada", "Australia", "Brazil",
         "India", "Korea", "Netherlands", "Sweden", "Mexico", "Singapore", "Taiwan", "Poland", "Belgium", "Norway"];

    public static async Task<(long Customers, long Orders)> GenerateAsync(SqliteDatabase database, double scale)
    {
        var customers = (long)(1_000_000 * scale);
        var orders = customers * 10;
        var random = new Random(7);
        var start = new DateTimeOffset(End.AddYears(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var span = new DateTimeOffset(End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() + 86_400_000 - start;
        await using var connection = (SqliteConnection)await database.OpenAsync(CancellationToken.None);
        await InsertAsync(connection, customers, 100_000,
            "INSERT INTO profiles (workspace_id, id, user_id, traits, first_seen, last_seen) VALUES (1, $id, $user, $traits, $at, $at)",
            (command, i) =>
            {
                command.Parameters["$id"].Value = i + 1;
                command.Parameters["$user"].Value = "c" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters["$traits"].Value = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"country":"{{Countries[Math.Min(Countries.Length - 1, (int)(random.NextDouble() * random.NextDouble() * Countries.Length * 2))]}}","gender":"{{(random.Next(2) == 0 ? "f" : "m")}}","age":{{random.Next(16, 85)}}}""");
                command.Parameters["$at"].Value = start;
            });

        // Orders in time order with rising ids, as a live shop writes them; each to a random customer.
        await InsertAsync(connection, orders, 100_000,
            """
            INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at)
            VALUES (1, $id, $profile, $status, 'USD', $total, $refunded, $at, $at);
            INSERT INTO order_lines (workspace_id, order_id, line_no, product_id, name, category, price, quantity)
            VALUES (1, $id, 0, $product, $product, $category, $total, 1)
            """,
            (command, i) =>
            {
                var total = random.Next(5, 500) * 10_000L + (random.Next(100) * 100);
                var roll = random.Next(100);
                var product = random.Next(1_000);
                command.Parameters["$id"].Value = "o" + i.ToString("D9", CultureInfo.InvariantCulture);
                command.Parameters["$profile"].Value = 1 + (long)(customers * Math.Pow(random.NextDouble(), 1.5));
                command.Parameters["$status"].Value = roll < 2 ? "refunded" : roll < 7 ? "partially_refunded" : "completed";
                command.Parameters["$total"].Value = total;
                command.Parameters["$refunded"].Value = roll < 2 ? total : roll < 7 ? total / 2 : 0;
                command.Parameters["$at"].Value = start + (span * i / orders);
                command.Parameters["$product"].Value = "p" + product.ToString("D4", CultureInfo.InvariantCulture);
                command.Parameters["$category"].Value = "c" + (product % 25).ToString("D2", CultureInfo.InvariantCulture);
            });
        return (customers, orders);
    }

    private static async Task InsertAsync(SqliteConnection connection, long rows, int chunk, string sql, Action<SqliteCommand, long> bind)
    {
        for (long first = 0; first < rows; first += chunk)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in new[] { "$id", "$user", "$traits", "$at", "$profile", "$status", "$total", "$refunded", "$product", "$category" })
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    command.Parameters.Add(new SqliteParameter(name, null));
                }
            }

            command.Prepare();
            for (var i = first; i < Math.Min(rows, first + chunk); i++)
            {
                bind(command, i);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}
