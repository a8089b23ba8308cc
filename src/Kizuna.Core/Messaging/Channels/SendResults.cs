using System.Collections.Concurrent;

namespace Kizuna.Messaging.Channels;

/// <summary>What an adapter reports per message of a batch, by outbox id. Safe to use from the adapter's parallel connections.</summary>
public sealed class SendResults
{
    private readonly ConcurrentDictionary<long, SendResult> _results = new();

    public void Sent(ReadyMessage message) => _results[message.Message.Id] = new SendResult(SendStatus.Sent);

    public void Transient(ReadyMessage message, string detail) => _results[message.Message.Id] = new SendResult(SendStatus.Transient, detail);

    public void Permanent(ReadyMessage message, string detail) => _results[message.Message.Id] = new SendResult(SendStatus.Permanent, detail);

    /// <summary>A permanent refusal that says the address cannot be delivered to (a 5xx reply to RCPT or DATA).</summary>
    public void Bounced(ReadyMessage message, int code, string detail) => _results[message.Message.Id] = new SendResult(SendStatus.Permanent, detail, code);

    /// <summary>Whether the adapter reported an outcome for the message.</summary>
    public bool Answered(ReadyMessage message) => _results.ContainsKey(message.Message.Id);

    /// <summary>The outcome of a message; one the adapter never reported is a transient failure.</summary>
    public SendResult For(ReadyMessage message) =>
        _results.GetValueOrDefault(message.Message.Id) ?? new SendResult(SendStatus.Transient, "The channel reported nothing for this message.");
}
