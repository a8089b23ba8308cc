using Kizuna.Storage;

namespace Kizuna.Workspaces;

public sealed class UserTimeZonesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetAsync_ZoneThenNull_IsReadBackThenFollowsTheBrowserAgain(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var user = await new UserService(store.Database, TimeProvider.System).CreateAsync($"{Guid.NewGuid():N}@example.test", "Aoi", "s3cret-Passw0rd", ct);
        var zones = new UserTimeZones(store.Database);
        var before = await zones.GetAsync(user.Id, ct);

        await zones.SetAsync(user.Id, "Asia/Tokyo", ct);
        var set = await zones.GetAsync(user.Id, ct);
        await zones.SetAsync(user.Id, null, ct);

        Assert.Equal((null, "Asia/Tokyo", null), (before, set, await zones.GetAsync(user.Id, ct)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetAsync_UnknownZone_IsRefusedAndNothingChanges(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var user = await new UserService(store.Database, TimeProvider.System).CreateAsync($"{Guid.NewGuid():N}@example.test", "Aoi", "s3cret-Passw0rd", ct);
        var zones = new UserTimeZones(store.Database);
        await zones.SetAsync(user.Id, "Europe/Berlin", ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => zones.SetAsync(user.Id, "Mars/Olympus_Mons", ct));

        Assert.Equal("zone", error.ParamName);
        Assert.Equal("Europe/Berlin", await zones.GetAsync(user.Id, ct));
    }
}
