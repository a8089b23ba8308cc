using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Checks;

/// <summary>
/// Extension point: a rule every message passes just before it is sent (suppression today; consent, frequency caps,
/// quiet hours and the control group plug in here). Checks run in registration order over a batch, each seeing only
/// the messages the earlier ones allowed; a message a check says nothing about is allowed.
/// </summary>
public interface ISendCheck
{
    /// <summary>Decides for the messages it cares about with <see cref="SendDecisions.Defer"/> or <see cref="SendDecisions.Suppress"/>.</summary>
    Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct);
}
