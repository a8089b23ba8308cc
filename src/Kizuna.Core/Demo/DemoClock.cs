namespace Kizuna.Demo;

/// <summary>
/// The demo's clock: the system's, except while the demo sends its campaigns of the past weeks, when it is set back
/// and then moved forward step by step, so the real job queue, outbox and reports send and count them at their own
/// times. It only ever moves forward once set, and follows the system again after <see cref="Reset"/>.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private long _behindTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() - TimeSpan.FromTicks(Interlocked.Read(ref _behindTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Sets the clock to <paramref name="at"/>, never later than the system's time.</summary>
    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _behindTicks, Math.Max(0, (inner.GetUtcNow() - at).Ticks));

    public void Reset() => Interlocked.Exchange(ref _behindTicks, 0);
}
