using MimeKit;

namespace Kizuna.Messaging.Channels.Email.Catcher;

/// <summary>What the catcher keeps: the latest <c>capacity</c> messages, the oldest dropped first.</summary>
public sealed class CaughtMessages(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<CaughtMessage> _messages = new();
    private long _sequence;

    /// <summary>Messages received since the start, including those dropped since.</summary>
    public long Total
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    public CaughtMessage Add(DateTimeOffset at, string? mailFrom, IReadOnlyList<string> rcptTo, byte[] raw)
    {
        var messageId = MessageIdOf(raw);
        lock (_lock)
        {
            var caught = new CaughtMessage(++_sequence, at, mailFrom, rcptTo, messageId, raw);
            _messages.AddLast(caught);
            if (_messages.Count > capacity)
            {
                _messages.RemoveFirst();
            }

            return caught;
        }
    }

    /// <summary>The newest first, those <paramref name="where"/> admits, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<CaughtMessage> Latest(Func<CaughtMessage, bool> where, int limit)
    {
        lock (_lock)
        {
            var list = new List<CaughtMessage>(Math.Min(limit, _messages.Count));
            for (var node = _messages.Last; node is not null && list.Count < limit; node = node.Previous)
            {
                if (where(node.Value))
                {
                    list.Add(node.Value);
                }
            }

            return list;
        }
    }

    private static string? MessageIdOf(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var headers = HeaderList.Load(stream);
        return headers[HeaderId.MessageId] is { } id ? MimeKit.Utils.MimeUtils.ParseMessageId(id) : null;
    }
}
