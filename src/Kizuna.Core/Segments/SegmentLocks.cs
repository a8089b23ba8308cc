using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Kizuna.Storage;
using Npgsql;

namespace Kizuna.Segments;

/// <summary>
/// One computation of a segment at a time, from its evaluation to its last row: a recompute that evaluated before
/// the real-time consumer applied a newer change would otherwise diff its older answer against the newer rows and
/// undo the consumer's entry (and enter the profile again later: two entries for one stay). Within a process a
/// semaphore per segment; on PostgreSQL a session-level advisory lock per segment as well, so nodes take turns.
/// The lock is held on a connection outside any transaction: an open transaction would hold back the change feed
/// (it waits for transactions older than a commit) on every node for as long as a recompute runs.
/// </summary>
public sealed class SegmentLocks(Database database)
{
    /// <summary>The advisory lock's first key: the segments' space, apart from other uses of advisory locks.</summary>
    private const int Space = 0x5E6_0017;

    private readonly ConcurrentDictionary<long, SemaphoreSlim> _local = new();

    /// <summary>Holds the segments' locks (taken in id order, so two holders never wait for each other) until disposed.</summary>
    public async Task<IAsyncDisposable> HoldAsync(IEnumerable<Segment> segments, CancellationToken ct)
    {
        var held = new Held();
        try
        {
            foreach (var id in segments.Select(s => s.Id).Distinct().Order())
            {
                var gate = _local.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(ct);
                held.Gates.Add(gate);
            }

            if (database.Kind == StoreKind.Postgres && held.Gates.Count > 0)
            {
                held.Connection = await database.OpenAsync(ct);
                foreach (var id in segments.Select(s => s.Id).Distinct().Order())
                {
                    await held.Connection.ExecuteAsync(new CommandDefinition(
                        "SELECT pg_advisory_lock(@space, @key)", new { space = Space, key = unchecked((int)id) }, cancellationToken: ct));
                }
            }

            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private sealed class Held : IAsyncDisposable
    {
        public List<SemaphoreSlim> Gates { get; } = [];

        public DbConnection? Connection { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Connection is not null)
            {
                // A pooled connection goes back without a reset (PostgresDatabase), so the locks end here; one whose
                // unlock failed must not be handed out again with them.
                try
                {
                    await Connection.ExecuteAsync("SELECT pg_advisory_unlock_all()");
                }
                catch
                {
                    NpgsqlConnection.ClearPool((NpgsqlConnection)Connection);
                    throw;
                }
                finally
                {
                    await Connection.DisposeAsync();
                }
            }

            foreach (var gate in Gates)
            {
                gate.Release();
            }
        }
    }
}
