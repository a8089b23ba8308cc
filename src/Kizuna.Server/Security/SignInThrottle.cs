using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Security;

/// <summary>
/// Lockout-style backoff for password checks, per account and per client address: after the free failures each
/// wrong password doubles the wait before the next attempt is even checked, so guessing slows to a crawl while a
/// person who mistyped a few times is not held up. Times come from <see cref="TimeProvider"/>; state is per node.
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>A short, stable, non-reversible label for an email or address, for keys and logs.</summary>
    public static string Label(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant())))[..12];

    /// <summary>How long the caller must still wait before a password may be checked, or null when it may now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        var wait = new[] { Key("account", account), Key("address", address) }
            .Select(k => _failures.TryGetValue(k, out var f) ? f.BlockedUntil - now : TimeSpan.Zero)
            .Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void RecordFailure(string account, string address)
    {
        var o = options.Value;
        Record(Key("account", account), o.FreeFailuresPerAccount);
        Record(Key("address", address), o.FreeFailuresPerAddress);
    }

    /// <summary>The right password ends the account's backoff; the address keeps its count.</summary>
    public void RecordSuccess(string account) => _failures.TryRemove(Key("account", account), out _);

    private void Record(string key, int free)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (_failures.Count > MaxEntries)
        {
            Prune(now);
        }

        _failures.AddOrUpdate(key,
            _ => Next(new Failures(0, now, now), free, now),
            (_, old) => Next(now - old.LastAt > o.FailureMemory ? new Failures(0, now, now) : old, free, now));
    }

    private Failures Next(Failures old, int free, DateTimeOffset now)
    {
        var o = options.Value;
        var count = old.Count + 1;
        var over = count - free;
        var delay = over <= 0 ? TimeSpan.Zero
            : TimeSpan.FromTicks((long)Math.Min(o.MaxDelay.Ticks, o.BaseDelay.Ticks * Math.Pow(2, Math.Min(over - 1, 40))));
        return new Failures(count, now, now + delay);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.BlockedUntil <= now && now - failures.LastAt > TimeSpan.FromMinutes(1))
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string kind, string value) => $"{kind}:{Label(value)}";

    private sealed record Failures(int Count, DateTimeOffset LastAt, DateTimeOffset BlockedUntil);
}
