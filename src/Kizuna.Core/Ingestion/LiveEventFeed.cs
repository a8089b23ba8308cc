using Kizuna.Profiles;

namespace Kizuna.Ingestion;

/// <summary>
/// The live event stream of the dashboard: the last events committed on this node, per workspace, and a
/// notification when more arrive or an erased customer's events leave it. Subscribers are called on the writer's
/// loop (or the erasing request) and must return at once.
/// </summary>
public sealed class LiveEventFeed : ICommittedBatchObserver, IErasureObserver
{
    private const int Keep = 100;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, LinkedList<StoredEvent>> _recent = [];

    /// <summary>Raised with the workspaces whose recent events changed.</summary>
    public event Action<IReadOnlyCollection<long>>? Updated;

    public IReadOnlyList<StoredEvent> Recent(long workspaceId, int count = 50)
    {
        lock (_gate)
        {
            return _recent.TryGetValue(workspaceId, out var list) ? [.. list.Take(count)] : [];
        }
    }

    public ValueTask OnCommittedAsync(CommittedBatch batch, CancellationToken ct)
    {
        var workspaces = new HashSet<long>();
        lock (_gate)
        {
            foreach (var e in batch.Events)
            {
                if (!_recent.TryGetValue(e.WorkspaceId, out var list))
                {
                    _recent[e.WorkspaceId] = list = new LinkedList<StoredEvent>();
                }

                list.AddFirst(e);
                if (list.Count > Keep)
                {
                    list.RemoveLast();
                }

                workspaces.Add(e.WorkspaceId);
            }
        }

        if (workspaces.Count > 0)
        {
            Updated?.Invoke(workspaces);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Drops the erased profiles' events, so no open view keeps showing them until a restart.</summary>
    public ValueTask OnErasedAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct)
    {
        var removed = 0;
        lock (_gate)
        {
            if (_recent.TryGetValue(workspaceId, out var list))
            {
                var erased = profileIds.ToHashSet();
                for (var node = list.First; node is not null;)
                {
                    var next = node.Next;
                    if (erased.Contains(node.Value.ProfileId))
                    {
                        list.Remove(node);
                        removed++;
                    }

                    node = next;
                }
            }
        }

        if (removed > 0)
        {
            Updated?.Invoke([workspaceId]);
        }

        return ValueTask.CompletedTask;
    }
}
