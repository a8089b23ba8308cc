namespace Kizuna.Bench.Segments;

/// <summary>
/// A profile's <c>event_counts</c> and <c>daily_counts</c> rows summed in the loader, as ingestion keeps them (page
/// views count as <c>$page</c>, days are UTC day numbers): the same rows <see cref="StoreRows.RollUps"/> sums in the
/// engine, without reading the events back.
/// </summary>
public static class W3RollUps
{
    private const long Day = 86_400_000;

    public static async ValueTask WriteAsync(IRowSink sink, W3Profile profile)
    {
        const long ws = 1;
        foreach (var named in profile.Events.GroupBy(e => e.CountName))
        {
            await sink.RowAsync("event_counts", [ws, profile.Id, named.Key, (long)named.Count(), named.Min(e => e.Ts), named.Max(e => e.Ts)]);
            foreach (var day in named.GroupBy(e => (int)(e.Ts / Day)))
            {
                await sink.RowAsync("daily_counts", [ws, profile.Id, named.Key, day.Key, (long)day.Count()]);
            }
        }
    }
}
