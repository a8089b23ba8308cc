namespace Kizuna.Segments;

/// <summary>A profile entering (or leaving) a segment, caused by <paramref name="Cause"/> at <paramref name="At"/>.
/// <c>Cause</c>:  What caused it, the same each time the same work is redone (a change's position, a recompute's job, a sweep's tick): it makes the event's messageId, so redoing the work after a crash never writes an entry twice. 
/// </summary>
public sealed record SegmentTransition(long ProfileId, bool Entered, string Cause, DateTimeOffset At);
