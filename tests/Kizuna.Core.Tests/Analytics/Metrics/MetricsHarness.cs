using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Analytics.Metrics;

/// <summary>A migrated store of either engine with the metrics service over it and a writer for test messages.</summary>
internal sealed class MetricsHarness(TestStore store, DateTimeOffset now) : IAsyncDisposable
{
    public MetricsService Metrics { get; } = Create(store.Database, now);

    public Database Database => store.Database;

    public static async Task<MetricsHarness> StartAsync(string engine, DateTimeOffset now) =>
        new(await TestStore.CreateAsync(engine, TestContext.Current.CancellationToken), now);

    public Task WriteAsync(params IngestMessage[] messages) =>
        new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System)
            .WriteAsync([new IngestBatch(1, [.. messages])], TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => store.DisposeAsync();

    private static MetricsService Create(Database database, DateTimeOffset now)
    {
        var commerce = new CommerceMetricsReader(database);
        return new MetricsService(database, new OverviewService(database, new FakeTimeProvider(now)), commerce,
            new NpsReader(database), new EngagementReader(database), new CohortReader(database), new SliceReader(database));
    }
}
