using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kizuna.Ingestion;

public sealed class IngestionWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stop_BeforeTheWriteLoopWasScheduled_RefusesTheQueuedBatches()
    {
        // A host stopped right after it started may cancel the write loop before the thread pool ever runs it;
        // its callers must get an error, not wait forever.
        await using var host = await CoreHost.StartAsync();
        var pipeline = new IngestionPipeline(host.Get<IOptions<IngestionOptions>>());
        var writer = ActivatorUtilities.CreateInstance<IngestionWriter>(host.Services, pipeline);
        var submitted = pipeline.SubmitAsync(new IngestBatch(host.Workspace.Id, [Messages.Page(null, "a1")]), Ct);

        await writer.StopAsync(Ct);

        await Assert.ThrowsAsync<IngestionUnavailableException>(() => submitted.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }
}
