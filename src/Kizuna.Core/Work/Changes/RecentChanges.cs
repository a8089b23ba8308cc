using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Work.Changes;

/// <summary>
/// This node's latest committed changes, held in memory as consumers would read them from the feed, so a consumer
/// close behind the writer is handed them without reading every event back from the store (on SQLite that read was
/// most of what real-time segment membership cost the ingestion rate; docs/BENCHMARKS.md, W3 real-time).
/// </summary>
/// <remarks>
/// Held only where the change after a position is known without the store: on SQLite one writer at a time appends
/// to the feed and its ids come from <c>AUTOINCREMENT</c> inside the write lock, so the committed ids leave no gap and
/// the change after <c>p</c> is <c>p.Id + 1</c>. A change this node did not see commit (an erasure's) breaks that run
/// and the read goes to the store. On PostgreSQL the feed's order depends on transactions of other nodes, so nothing is
/// held and every read goes to the store. Events are those the writer stored, with their properties; a merge committed
/// since is handed over after them in feed order, as if the consumer had read them just before it, and an erasure
/// takes the erased customers' events out, as it takes them out of the store.
/// </remarks>
public sealed class RecentChanges : ICommittedBatchObserver, IErasureObserver
{
    /// <summary>Events held at most by default (a few group commits under full load); the oldest changes go first.</summary>
    public const int DefaultMaxEvents = 65_536;

    private readonly bool _enabled;
    private readonly int _maxEvents;
    private readonly Lock _lock = new();
    private readonly List<Change> _changes = [];
    private int _events;

    public RecentChanges(Database database)
        : this(database, DefaultMaxEvents)
    {
    }

    internal RecentChanges(Database database, int maxEvents)
    {
        _enabled = database.Dialect.Kind == StoreKind.Sqlite;
        _maxEvents = maxEvents;
    }

    public ValueTask OnCommittedAsync(CommittedBatch batch, CancellationToken ct)
    {
        if (_enabled && batch.Change is { } change)
        {
            Add(change);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> changes right after <paramref name="after"/>, in feed order, or null when the one
    /// right after it is not held here (not committed yet, already dropped, or committed by another writer).
    /// </summary>
    public IReadOnlyList<Change>? TryRead(ChangePosition after, int limit)
    {
        if (!_enabled || after.Tx != 0)
        {
            return null;
        }

        lock (_lock)
        {
            var first = _changes.BinarySearch(new Change(new ChangePosition(0, after.Id + 1), default, [], [], [], []), ByPosition.Instance);
            if (first < 0)
            {
                return null;
            }

            var end = first + 1;
            while (end < _changes.Count && end - first < limit && _changes[end].Position.Id == _changes[end - 1].Position.Id + 1)
            {
                end++;
            }

            return _changes.GetRange(first, end - first);
        }
    }

    public ValueTask OnErasedAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct)
    {
        lock (_lock)
        {
            for (var i = 0; i < _changes.Count; i++)
            {
                var change = _changes[i];
                if (change.Events.Any(e => e.WorkspaceId == workspaceId && profileIds.Contains(e.ProfileId)))
                {
                    _changes[i] = change with { Events = [.. change.Events.Where(e => e.WorkspaceId != workspaceId || !profileIds.Contains(e.ProfileId))] };
                    _events -= change.Events.Count - _changes[i].Events.Count;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Add(Change change)
    {
        lock (_lock)
        {
            // Commits reach observers in commit order, one at a time; a change out of order would break the run.
            if (_changes.Count > 0 && change.Position <= _changes[^1].Position)
            {
                _changes.Clear();
                _events = 0;
            }

            _changes.Add(change);
            _events += change.Events.Count;
            var drop = 0;
            while (_events > _maxEvents && drop < _changes.Count - 1)
            {
                _events -= _changes[drop++].Events.Count;
            }

            _changes.RemoveRange(0, drop);
        }
    }

    private sealed class ByPosition : IComparer<Change>
    {
        public static readonly ByPosition Instance = new();

        public int Compare(Change? x, Change? y) => x!.Position.CompareTo(y!.Position);
    }
}
