namespace Kizuna.Storage;

/// <summary>Stored times are Unix epoch milliseconds in UTC.</summary>
public static class Epoch
{
    private const long MsPerDay = 86_400_000L;

    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is { } value ? FromMs(value) : null;

    /// <summary>The UTC day number since 1970-01-01 used by the daily roll-ups.</summary>
    public static int Day(long ms) => (int)Math.Floor(ms / (double)MsPerDay);

    /// <summary>The first millisecond of a <see cref="Day"/> number.</summary>
    public static long DayStart(int day) => day * MsPerDay;
}
