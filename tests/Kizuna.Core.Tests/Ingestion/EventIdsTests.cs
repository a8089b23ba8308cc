namespace Kizuna.Ingestion;

public sealed class EventIdsTests
{
    [Fact]
    public void NewVersion7_IsAVersion7UuidCarryingTheTime()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);

        var id = EventIds.NewVersion7(at);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b1000, id.Variant & 0b1100);
        Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(id.ToString("N")[..12], 16));
    }

    [Fact]
    public void NewVersion7_SameMillisecond_GivesDistinctIds()
    {
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);

        var ids = Enumerable.Range(0, 10_000).Select(_ => EventIds.NewVersion7(at)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Fact]
    public void NewVersion7_OrdersByTime()
    {
        var earlier = EventIds.NewVersion7(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var later = EventIds.NewVersion7(DateTimeOffset.UnixEpoch.AddDays(20_000).AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(earlier.ToString("N"), later.ToString("N")) < 0);
    }
}
