using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Kizuna.Storage;

/// <summary>
/// Applies the numbered scripts under <c>Storage/Migrations/&lt;engine&gt;/</c> that the database has not seen yet,
/// each in its own transaction. On PostgreSQL an advisory lock makes concurrent nodes take turns.
/// </summary>
public sealed class Migrator(Database database, TimeProvider time, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x4B495A554E41; // "KIZUNA"

    public Task<int> MigrateAsync(CancellationToken ct) => MigrateAsync(int.MaxValue, ct);

    /// <summary>Applies the scripts up to and including version <paramref name="through"/> (a database as an older release left it).</summary>
    public async Task<int> MigrateAsync(int through, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (database.Kind == StoreKind.Sqlite)
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
        }
        else
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey});", ct);
        }

        try
        {
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);", ct);
            var applied = await AppliedVersionsAsync(connection, ct);
            var count = 0;
            foreach (var script in Scripts(database.Kind).Where(s => s.Version <= through && !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, transaction, script.Sql, ct);
                await ExecuteAsync(connection, transaction,
                    $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({script.Version}, '{script.Name}', {time.GetUtcNow().ToUnixTimeMilliseconds()});", ct);
                await transaction.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version} {Name}", script.Version, script.Name);
                count++;
            }

            return count;
        }
        finally
        {
            if (database.Kind == StoreKind.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey});", CancellationToken.None);
            }
        }
    }

    /// <summary>The scripts shipped for one engine, in version order.</summary>
    public static IReadOnlyList<MigrationScript> Scripts(StoreKind kind)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{kind}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..]))
            .OrderBy(s => s.Version)];
    }

    private static MigrationScript Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var name = Path.GetFileNameWithoutExtension(fileName);
        var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
        return new MigrationScript(version, name, reader.ReadToEnd());
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(ct))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
