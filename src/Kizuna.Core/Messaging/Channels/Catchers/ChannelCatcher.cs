namespace Kizuna.Messaging.Channels.Catchers;

/// <summary>
/// What the demo's catchers of SMS, push and webhooks received: the latest <see cref="Capacity"/> requests per channel,
/// the oldest dropped first. Each channel's HTTP client sends to a <see cref="CatcherHandler"/> feeding this when its
/// <c>UseCatcher</c> setting is on, so the request is built, signed and sent exactly as it would be to the provider.
/// </summary>
public sealed class ChannelCatcher
{
    public const int Capacity = 1000;

    private readonly Lock _lock = new();
    private readonly Dictionary<MessageChannel, LinkedList<CaughtRequest>> _caught = [];
    private readonly Dictionary<MessageChannel, long> _totals = [];
    private long _sequence;

    /// <summary>Requests received since the start on a channel, including those dropped since.</summary>
    public long Total(MessageChannel channel)
    {
        lock (_lock)
        {
            return _totals.GetValueOrDefault(channel);
        }
    }

    public CaughtRequest Add(CaughtRequest request)
    {
        lock (_lock)
        {
            var caught = request with { Sequence = ++_sequence };
            _totals[caught.Channel] = _totals.GetValueOrDefault(caught.Channel) + 1;
            if (!_caught.TryGetValue(caught.Channel, out var list))
            {
                _caught[caught.Channel] = list = new LinkedList<CaughtRequest>();
            }

            list.AddLast(caught);
            if (list.Count > Capacity)
            {
                list.RemoveFirst();
            }

            return caught;
        }
    }

    /// <summary>A workspace's requests on a channel, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<CaughtRequest> Latest(MessageChannel channel, long workspaceId, int limit)
    {
        lock (_lock)
        {
            var result = new List<CaughtRequest>();
            if (!_caught.TryGetValue(channel, out var list))
            {
                return result;
            }

            for (var node = list.Last; node is not null && result.Count < limit; node = node.Previous)
            {
                if (node.Value.WorkspaceId == workspaceId)
                {
                    result.Add(node.Value);
                }
            }

            return result;
        }
    }
}
