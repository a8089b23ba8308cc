using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Imports;

public sealed class ImportJobStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FailAbandonedAsync_JobsNoNodeTouched_FailWithAReason(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var jobs = new ImportJobStore(store.Database, time);
        var held = await jobs.CreateAsync(1, ImportKind.Customers, "held.csv", Ct);
        var running = await jobs.CreateAsync(1, ImportKind.Orders, "running.csv", Ct);
        var abandoned = await jobs.CreateAsync(1, ImportKind.Events, "abandoned.csv", Ct);
        await jobs.UpdateAsync(running.Id, ImportJobStatus.Running, new ImportJobState(null, null, null), Ct);

        time.Advance(TimeSpan.FromMinutes(3));
        await jobs.TouchAsync([held.Id], Ct);
        await jobs.UpdateAsync(running.Id, ImportJobStatus.Running, new ImportJobState(null, null, null), Ct);
        var failed = await jobs.FailAbandonedAsync(TimeSpan.FromMinutes(2), Ct);

        Assert.Equal(1, failed);
        Assert.Equal(ImportJobStatus.Queued, (await jobs.FindAsync(1, held.Id, Ct))!.Status);
        Assert.Equal(ImportJobStatus.Running, (await jobs.FindAsync(1, running.Id, Ct))!.Status);
        var gone = (await jobs.FindAsync(1, abandoned.Id, Ct))!;
        Assert.Equal(ImportJobStatus.Failed, gone.Status);
        Assert.Contains("upload the file again", gone.Error, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow(), gone.FinishedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_JobFailedAsAbandoned_StaysFailed(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var jobs = new ImportJobStore(store.Database, time);
        var job = await jobs.CreateAsync(1, ImportKind.Customers, "slow.csv", Ct);
        time.Advance(TimeSpan.FromMinutes(3));
        await jobs.FailAbandonedAsync(TimeSpan.FromMinutes(2), Ct);

        var progressed = await jobs.UpdateAsync(job.Id, ImportJobStatus.Running, new ImportJobState(null, null, null), Ct);
        var succeeded = await jobs.UpdateAsync(job.Id, ImportJobStatus.Succeeded, new ImportJobState(null, null, null), Ct);

        Assert.Equal((false, false), (progressed, succeeded));
        Assert.Equal(ImportJobStatus.Failed, (await jobs.FindAsync(1, job.Id, Ct))!.Status);
    }
}
