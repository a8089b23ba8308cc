using Dapper;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Storage;

namespace Kizuna.Bench.Segments;

/// <summary>
/// <c>--explain</c>: each segment's compiled SQL and the engine's plan for it (<c>EXPLAIN QUERY PLAN</c> on SQLite,
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> on PostgreSQL, which runs the query once: its row counts and times show which
/// step of a plan costs), to see which index a slow segment walks.
/// </summary>
public static class W3Explain
{
    public static async Task PrintAsync(string name, Database database, CancellationToken ct)
    {
        var compiler = new SegmentSqlCompiler(database.Dialect);
        await using var connection = await database.OpenAsync(ct);
        foreach (var segment in W3Segments.All)
        {
            var query = compiler.Compile(SegmentDefinition.FromText(segment.Definition).Condition!, 1, W3Generator.Now);
            var prefix = database.Kind == StoreKind.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
            var plan = database.Kind == StoreKind.Sqlite
                ? (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(new CommandDefinition(prefix + query.Sql, query.Parameters, cancellationToken: ct)))
                    .Select(r => r.Detail)
                : await connection.QueryAsync<string>(new CommandDefinition(prefix + query.Sql, query.Parameters, commandTimeout: 3600, cancellationToken: ct));
            Console.WriteLine($"--- {name}, segment {segment.Name}");
            Console.WriteLine(query.Sql);
            foreach (var line in plan)
            {
                Console.WriteLine("    " + line);
            }
        }
    }
}
