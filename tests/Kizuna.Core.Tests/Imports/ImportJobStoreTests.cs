using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Imports;

public sealed class ImportJobStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_JobAlreadyEnded_StaysAsItEnded(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var jobs = new ImportJobStore(store.Database, time);
        var job = await jobs.CreateAsync(1, ImportKind.Customers, "slow.csv", Ct);
        await jobs.UpdateAsync(job.Id, ImportJobStatus.Failed, new ImportJobState(null, null, "gone"), Ct);

        var progressed = await jobs.UpdateAsync(job.Id, ImportJobStatus.Running, new ImportJobState(null, null, null), Ct);
        var succeeded = await jobs.UpdateAsync(job.Id, ImportJobStatus.Succeeded, new ImportJobState(null, null, null), Ct);

        Assert.Equal((false, false), (progressed, succeeded));
        var ended = (await jobs.FindAsync(1, job.Id, Ct))!;
        Assert.Equal((ImportJobStatus.Failed, "gone", time.GetUtcNow()), (ended.Status, ended.Error, ended.FinishedAt));
    }
}
