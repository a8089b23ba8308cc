namespace Kizuna.Work.Jobs;

/// <summary>
/// The wait before a failed job's next attempt: the retry delay doubled per earlier failure, up to the maximum, of
/// which a random half is taken away so jobs that failed together (a provider outage) do not all return together.
/// </summary>
public static class JobBackoff
{
    public static TimeSpan Delay(int failedAttempt, TimeSpan first, TimeSpan max, Random random)
    {
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempt - 1, 0, 40));
        var full = Math.Min(doubled, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full / 2 + (random.NextDouble() * full / 2));
    }
}
