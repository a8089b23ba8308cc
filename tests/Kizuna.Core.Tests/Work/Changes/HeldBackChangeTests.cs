using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Work.Changes;

/// <summary>
/// On PostgreSQL the feed holds a committed change back while an older transaction is open, and that transaction's
/// end wakes nobody. The consumer the commit woke looks again soon after finding nothing, so the change reaches it
/// long before its next poll (a minute here, on a clock that moves only when the test moves it).
/// </summary>
public sealed class HeldBackChangeTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeHeldBackByAnOlderTransaction_ReachesTheConsumerBeforeItsPoll()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var consumer = new RecordingConsumer("held-back");
        await using var host = await CoreHost.StartAsync("postgres", services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IChangeConsumer>(consumer);
            services.Configure<ChangeFeedOptions>(o => o.PollInterval = Poll);
        });
        await UntilAsync(async () => await host.CountAsync("SELECT count(*) FROM change_cursors WHERE consumer = 'held-back'") > 0);

        // An older transaction with an id of its own, open across the commit.
        await using var blocker = await host.Get<Database>().OpenAsync(Ct);
        await using var open = await blocker.BeginTransactionAsync(Ct);
        await blocker.ExecuteScalarAsync<long>("SELECT pg_current_xact_id()::text::bigint", transaction: open);
        await host.Get<IngestionPipeline>().SubmitAsync(new IngestBatch(host.Workspace.Id, [Messages.Track("held", null, "Product Viewed", time.GetUtcNow(), "m-held")]), Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);   // the commit's wake finds the change held back
        Assert.Empty(consumer.MessageIds);
        await open.CommitAsync(Ct);

        // Other tests' transactions on the same server can hold the change back longer still: the consumer's clock
        // stands still until a read of the feed can see it, so what is measured is the consumer's own delay.
        var feed = host.Get<ChangeFeed>();
        await UntilAsync(async () => (await feed.ReadAsync(ChangePosition.Start, 1_000, Ct)).SelectMany(c => c.Events).Any(e => e.MessageId == "m-held"));
        var moved = TimeSpan.Zero;
        await UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            moved += TimeSpan.FromMilliseconds(10);
            return Task.FromResult(consumer.MessageIds.Contains("m-held"));
        });

        Assert.True(moved < Poll, $"The change was handed over only after {moved} on the consumer's clock.");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "The consumer did not get the change within two minutes.");
            await Task.Delay(5, Ct);
        }
    }
}
