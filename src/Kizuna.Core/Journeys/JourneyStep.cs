namespace Kizuna.Journeys;

/// <summary>One step an entry took: the node, when, what happened there (<c>entered</c>, <c>sent</c>, <c>waiting</c>, <c>matched</c>, <c>timed_out</c>, <c>branch:yes</c>, <c>path:A</c>, <c>exited</c>, …) and the outbox message it queued.</summary>
public sealed record JourneyStep(long EntryId, int Seq, string Node, DateTimeOffset At, string Outcome, long? MessageId);
