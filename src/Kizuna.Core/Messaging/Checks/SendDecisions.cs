namespace Kizuna.Messaging.Checks;

/// <summary>
/// The decisions the checks of one batch made, by message id, and the messages its earlier parts let through. Safe to
/// use from several threads.
/// </summary>
public sealed class SendDecisions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, SendDecision> _decisions = [];
    private readonly List<Outbox.OutboxMessage> _allowed = [];

    /// <summary>
    /// The messages earlier parts of the batch let through: a check counting sends (a frequency cap) counts them too,
    /// since the part on the wire has no outcome in the outbox yet.
    /// </summary>
    public IReadOnlyList<Outbox.OutboxMessage> Allowed
    {
        get
        {
            lock (_lock)
            {
                return [.. _allowed];
            }
        }
    }

    /// <summary>Records the messages a part let through, for the checks of the parts after it.</summary>
    public void Allow(IEnumerable<Outbox.OutboxMessage> messages)
    {
        lock (_lock)
        {
            _allowed.AddRange(messages);
        }
    }

    /// <summary>The message waits until <paramref name="until"/> and goes through every check again then.</summary>
    public void Defer(Outbox.OutboxMessage message, DateTimeOffset until, string reason) => Add(message.Id, new SendDecision(SendVerdict.Defer, reason, until));

    /// <summary>The message is never sent; <paramref name="reason"/> says why, without naming the person.</summary>
    public void Suppress(Outbox.OutboxMessage message, string reason) => Add(message.Id, new SendDecision(SendVerdict.Suppress, reason));

    public SendDecision? For(long messageId)
    {
        lock (_lock)
        {
            return _decisions.GetValueOrDefault(messageId);
        }
    }

    private void Add(long id, SendDecision decision)
    {
        lock (_lock)
        {
            // The first decision stands: a suppression is not turned into a deferral by a later check.
            _decisions.TryAdd(id, decision);
        }
    }
}
