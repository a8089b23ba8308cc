using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging;

/// <summary>
/// What became of a transactional send: queued (<see cref="Created"/>), or the message an earlier call with the same
/// key queued; or refused with the field at fault.
/// </summary>
public sealed record TransactionalResult(OutboxMessage? Message, bool Created, string? Field = null, string? Error = null, bool NotFound = false)
{
    public static TransactionalResult Refused(string field, string error, bool notFound = false) => new(null, false, field, error, notFound);
}
