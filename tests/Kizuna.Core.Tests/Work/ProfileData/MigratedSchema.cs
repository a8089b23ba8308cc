using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>The tables of a migrated store and their column names, as the engine's own catalogue lists them.</summary>
internal static class MigratedSchema
{
    public static async Task<SortedDictionary<string, SortedSet<string>>> ReadAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var columns = database.Kind == StoreKind.Postgres
            ? await connection.QueryAsync<(string Table, string Column)>(new CommandDefinition(
                """
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                """, cancellationToken: ct))
            : await connection.QueryAsync<(string Table, string Column)>(new CommandDefinition(
                """
                SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
                """, cancellationToken: ct));
        var schema = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (table, column) in columns)
        {
            if (!schema.TryGetValue(table, out var set))
            {
                schema[table] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(column);
        }

        return schema;
    }
}
