using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Ingestion;

public sealed class ProfileIdAllocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_UserIdAliasedToAnotherUsersProfile_GetsAProfileOfItsOwn(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        // The alias ties user-5 to user-3's profile; user-5's next event then needs a profile no loaded id foretold.
        await ingest.WriteAsync([new IngestBatch(1, [Identify("user-3", null, "{}"), Alias("user-5", "user-3")])], Ct);

        var (results, committed) = await ingest.WriteAsync([new IngestBatch(1, [Track("user-5", null, "Product Viewed")])], Ct);

        Assert.Equal(new IngestResult(1, 0, 0), results[0]);
        Assert.Single(committed.Events);
    }
}
