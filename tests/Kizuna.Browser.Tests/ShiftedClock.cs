namespace Kizuna.Browser;

/// <summary>
/// The test server's clock: the system's, moved ahead by what a test asks (<see cref="Advance"/>), so the real job
/// queue fires journey timers that would come due days later. Timers and delays stay the system's, so the server's
/// polls go on as usual; tests run one at a time and put the clock back with <see cref="Reset"/>.
/// </summary>
public sealed class ShiftedClock(TimeProvider inner) : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _aheadTicks, 0);
}
