using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Profiles;

public sealed class ProfileSearchOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_Sort_OrdersByTheChosenColumnWithinTheTraitFilter(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        await ingest.WriteAsync([new IngestBatch(1, [
            Identify("big", null, """{"plan":"gold"}""", T0),
            Order("big", "o1", 9000, T0.AddMinutes(1)),
            Identify("many", null, """{"plan":"gold"}""", T0),
            Order("many", "o2", 100, T0.AddMinutes(2)),
            Order("many", "o3", 100, T0.AddMinutes(3)),
            Order("many", "o4", 100, T0.AddMinutes(4)),
            Identify("recent", null, """{"plan":"gold"}""", T0.AddDays(1)),
            Identify("free", null, """{"plan":"free"}""", T0.AddDays(2)),
            Order("free", "o5", 99999, T0.AddDays(2)),
        ])], Ct);
        var profiles = new ProfileService(store.Database);

        async Task<string> UserIdsAsync(ProfileSort sort, bool ascending = false) =>
            string.Join(",", (await profiles.SearchAsync(1, new ProfileQuery(TraitKey: "plan", TraitValue: "gold", Sort: sort, Ascending: ascending), Ct)).Items.Select(p => p.UserId));

        Assert.Equal("big,many,recent", await UserIdsAsync(ProfileSort.TotalSpent));
        Assert.Equal("recent,many,big", await UserIdsAsync(ProfileSort.TotalSpent, ascending: true));
        Assert.Equal("many,big,recent", await UserIdsAsync(ProfileSort.Orders));
        Assert.Equal("recent,many,big", await UserIdsAsync(ProfileSort.LastSeen));
    }
}
