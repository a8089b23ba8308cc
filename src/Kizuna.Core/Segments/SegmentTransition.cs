namespace Kizuna.Segments;

/// <summary>
/// A profile entering (or leaving) a segment, caused by <paramref name="Cause"/> (a change's position, a recompute's
/// job, a sweep's tick) at <paramref name="At"/>. <paramref name="Seq"/> numbers the segment's transitions once the
/// member rows made it (0 before): with the segment it makes the event's messageId, so one transition is one event.
/// </summary>
public sealed record SegmentTransition(long ProfileId, bool Entered, string Cause, DateTimeOffset At, long Seq = 0);
