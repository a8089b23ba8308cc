using System.Diagnostics;
using Dapper;
using Kizuna.Storage;
using Npgsql;

namespace Kizuna.Bench.Segments;

/// <summary>
/// Writes W3's generated profiles into one store and marks it complete, so a later run of the same size reuses it:
/// a file beside a SQLite or DuckDB store, the database's comment on PostgreSQL. Each store runs the deterministic
/// generator itself, so the stores load in parallel and any one of them can be rebuilt alone.
/// </summary>
public static class W3Loader
{
    /// <summary>Profiles per transaction (about 500,000 events).</summary>
    public const int Chunk = 10_000;

    /// <summary>What a kept store was generated from; a change to the generator must change it.</summary>
    public static string Fingerprint(int profiles) => $"W3 data v3: {profiles} profiles, seed 42, now {W3Generator.Now:O}";

    public static bool IsReady(string directory, int profiles) =>
        File.Exists(Path.Combine(directory, "ready")) && File.ReadAllText(Path.Combine(directory, "ready")) == Fingerprint(profiles);

    public static void MarkReady(string directory, int profiles) => File.WriteAllText(Path.Combine(directory, "ready"), Fingerprint(profiles));

    public static async Task<bool> IsReadyAsync(string server, string database, int profiles)
    {
        await using var connection = new NpgsqlConnection(server);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @database", new { database }) == Fingerprint(profiles);
    }

    public static async Task MarkReadyAsync(string server, string database, int profiles)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.ExecuteAsync($"COMMENT ON DATABASE {database} IS '{Fingerprint(profiles)}'");
    }

    /// <summary>Writes every profile's rows through <paramref name="sink"/>, committing every <see cref="Chunk"/> profiles.</summary>
    /// <remarks>Profiles before <paramref name="from"/> (a load resumed) are generated, to keep the sequence, but not written.</remarks>
    public static async Task LoadAsync(string name, IRowSink sink, StoreKind kind, int profiles, long from = 1)
    {
        var clock = Stopwatch.StartNew();
        long events = 0;
        var written = 0;
        var first = 1L;
        foreach (var profile in W3Generator.Profiles(profiles))
        {
            events += profile.Events.Count;
            if (profile.Id < from)
            {
                first = profile.Id + 1;
                ++written;
                continue;
            }

            await StoreRows.WriteAsync(sink, profile, kind, json: kind == StoreKind.Postgres);
            if (kind == StoreKind.Postgres)
            {
                await W3RollUps.WriteAsync(sink, profile);
            }

            if (++written % Chunk == 0 || written == profiles)
            {
                await sink.FlushAsync(first, profile.Id);
                first = profile.Id + 1;
                if (written % (Chunk * 10) == 0)
                {
                    Console.WriteLine($"  {name}: {written:N0} profiles, {events:N0} events ({clock.Elapsed.TotalSeconds:0} s)");
                }
            }
        }

        Console.WriteLine($"  {name}: wrote {written:N0} profiles and {events:N0} events in {clock.Elapsed.TotalSeconds:0} s; indexing and analysing");
        await sink.DisposeAsync();
        Console.WriteLine($"  {name}: ready after {clock.Elapsed.TotalSeconds:0} s");
    }
}
