using Kizuna.Messaging.Outbox;

namespace Kizuna.Journeys.Engine;

/// <summary>A step taken in memory, with the message it queues (its key is completed with the entry's id when written).</summary>
public sealed record PlannedStep(int Seq, string Node, DateTimeOffset At, string Outcome, NewMessage? Message);
