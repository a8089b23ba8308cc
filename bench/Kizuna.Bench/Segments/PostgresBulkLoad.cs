using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Kizuna.Bench.Segments;

/// <summary>
/// What a bulk import into a migrated PostgreSQL store does around the rows: before the first chunk, the primary keys
/// and indexes of the loaded tables are dropped and the <c>product_days</c> line trigger disabled (one sort per index
/// at the end instead of fifty million random index inserts, one grouped insert instead of a trigger per line); at
/// the end they are built again from the definitions recorded in <c>w3_rebuild</c>, so the final schema is the
/// migrations' own. Every step is recorded, so a load stopped anywhere resumes.
/// </summary>
public static class PostgresBulkLoad
{
    private static readonly string TableList = string.Join(", ", StoreRows.Tables.Select(t => $"'{t}'"));

    /// <summary>
    /// Drops the indexes once (recording how to build them again) and returns the first profile id still to write:
    /// the chunks recorded complete are kept, the rows of any later chunk (one interrupted half-way) deleted.
    /// </summary>
    public static async Task<long> PrepareAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS w3_chunks (last bigint PRIMARY KEY)");
        if (await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('w3_rebuild') IS NULL"))
        {
            await DropIndexesAsync(connection);
        }

        var from = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(last), 0) + 1 FROM w3_chunks");
        string[] deletes =
        [
            $"DELETE FROM order_lines WHERE workspace_id = 1 AND order_id IN (SELECT order_id FROM orders WHERE workspace_id = 1 AND profile_id >= {from})",
            .. new[] { "orders", "daily_counts", "event_counts", "events", "profile_values", "profiles" }
                .Select(t => $"DELETE FROM {t} WHERE workspace_id = 1 AND {(t == "profiles" ? "id" : "profile_id")} >= {from}"),
        ];
        foreach (var sql in deletes)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0));
        }

        return from;
    }

    /// <summary>
    /// Sets the visibility map (a heap without indexes is vacuumed in one pass), then runs the recorded rebuild steps
    /// in order, each in one transaction with its own removal from the record, and analyses the tables.
    /// </summary>
    public static async Task FinishAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2");
        foreach (var table in StoreRows.Tables)
        {
            await connection.ExecuteAsync(new CommandDefinition($"VACUUM {table}", commandTimeout: 0));
        }

        Console.WriteLine($"  PostgreSQL: vacuumed in {clock.Elapsed.TotalSeconds:0} s");
        var steps = (await connection.QueryAsync<(int Step, string Sql)>("SELECT step, sql FROM w3_rebuild ORDER BY step")).ToList();
        foreach (var (step, sql) in steps)
        {
            var started = clock.Elapsed;
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 0));
            await connection.ExecuteAsync("DELETE FROM w3_rebuild WHERE step = @step", new { step }, transaction);
            await transaction.CommitAsync();
            Console.WriteLine($"  PostgreSQL: {(clock.Elapsed - started).TotalSeconds:0} s {sql[..Math.Min(sql.Length, 90)]}");
        }

        foreach (var table in StoreRows.Tables)
        {
            await connection.ExecuteAsync(new CommandDefinition($"ANALYZE {table}", commandTimeout: 0));
        }

        await connection.ExecuteAsync("DROP TABLE w3_rebuild; DROP TABLE w3_chunks");
        Console.WriteLine($"  PostgreSQL: indexed and analysed in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task DropIndexesAsync(NpgsqlConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        // Constraints first (a primary key is rebuilt as the constraint, not a bare index), then the other indexes; the
        // product_days roll-up of the lines the trigger did not see before the trigger is on again.
        var constraints = await connection.QueryAsync<(string Table, string Name, string Definition)>(
            $"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid::regclass::text IN ({TableList}) ORDER BY 1, 2",
            transaction: transaction);
        var indexes = await connection.QueryAsync<(string Name, string Definition)>(
            $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({TableList}) "
            + "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u')) ORDER BY tablename, indexname",
            transaction: transaction);
        var steps = new List<string> { ProductDays, "ALTER TABLE order_lines ENABLE TRIGGER product_days_line" };
        steps.AddRange(constraints.Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {c.Name} {c.Definition}"));
        steps.AddRange(indexes.Select(i => i.Definition));
        await connection.ExecuteAsync("CREATE TABLE w3_rebuild (step int PRIMARY KEY, sql text NOT NULL)", transaction: transaction);
        await connection.ExecuteAsync("INSERT INTO w3_rebuild (step, sql) VALUES (@Step, @Sql)", steps.Select((sql, i) => new { Step = i + 1, Sql = sql }), transaction);
        foreach (var (table, name, _) in constraints)
        {
            await connection.ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT {name}", transaction: transaction);
        }

        foreach (var (name, _) in indexes)
        {
            await connection.ExecuteAsync($"DROP INDEX {name}", transaction: transaction);
        }

        await connection.ExecuteAsync("ALTER TABLE order_lines DISABLE TRIGGER product_days_line", transaction: transaction);
        await transaction.CommitAsync();
    }

    /// <summary>The roll-up migration 0023 fills <c>product_days</c> with from existing orders; the same rows its trigger keeps.</summary>
    private const string ProductDays =
        "INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name) "
        + "SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id, "
        + "COUNT(DISTINCT o.order_id), SUM(ROUND(l.price * CAST(l.quantity AS numeric), 4)), SUM(l.quantity), MAX(l.name) "
        + "FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id "
        + "WHERE o.status IN ('completed', 'partially_refunded') GROUP BY 1, 2, 3, 4, 5";
}
