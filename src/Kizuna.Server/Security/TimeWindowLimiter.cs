using System.Threading.RateLimiting;

namespace Kizuna.Server.Security;

/// <summary>
/// A fixed-window limiter that reads the clock from <see cref="TimeProvider"/> (the framework's own limiters read
/// the system clock), so tests move time instead of sleeping. A refused lease says when the window reopens.
/// </summary>
public sealed class TimeWindowLimiter(TimeProvider time, int permits, TimeSpan window) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = time.GetUtcNow();
    private DateTimeOffset _lastUsed = time.GetUtcNow();
    private int _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            var idle = time.GetUtcNow() - _lastUsed;
            return idle > window ? idle : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - _used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _lastUsed = now;
            // A clock set back (an NTP step) starts a new window too, rather than holding the old one until its end.
            if (now - _windowStart >= window || now < _windowStart)
            {
                _windowStart = now;
                _used = 0;
            }

            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Granted;
            }

            return new Lease(false, _windowStart + window - now);
        }
    }

    // Waiting in a queue would hold requests open; a refused request is answered at once with when to retry.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
