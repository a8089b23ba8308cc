using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Imports;

public sealed class ImportJobRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Stop_JobsStillHeld_EndFailedAndTheirUploadsAreDeleted(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        var runner = host.Get<ImportJobRunner>();
        var mapping = ImportMappingParser.Parse("""{ "kind": "customers", "columns": { "user_id": "Id", "email": "Email" } }""");
        var uploads = Enumerable.Range(0, 3).Select(_ => new TempCsv(
            ["Id,Email", .. Enumerable.Range(0, 20_000).Select(i => $"c{i},c{i}@example.test")])).ToList();
        var jobs = new List<ImportJob>();
        foreach (var upload in uploads)
        {
            jobs.Add(await runner.EnqueueAsync(host.Workspace.Id, "customers.csv", upload.Path, mapping, deleteWhenDone: true, Ct));
        }

        await host.StopAsync();

        var store = host.Get<ImportJobStore>();
        var ended = new List<ImportJob>();
        foreach (var job in jobs)
        {
            ended.Add((await store.FindAsync(host.Workspace.Id, job.Id, Ct))!);
        }

        Assert.All(ended, j => Assert.DoesNotContain(j.Status, new[] { ImportJobStatus.Queued, ImportJobStatus.Running }));
        Assert.Equal(ImportJobStatus.Failed, ended[^1].Status);
        Assert.Contains("before the import ran", ended[^1].Error, StringComparison.Ordinal);
        Assert.All(uploads, u => Assert.False(File.Exists(u.Path)));
    }

    [Fact]
    public async Task Stop_BeforeTheRunLoopWasScheduled_FailsTheQueuedJobs()
    {
        // A host stopped right after it started may cancel the run loop before the thread pool ever runs it.
        await using var host = await CoreHost.StartAsync();
        var runner = ActivatorUtilities.CreateInstance<ImportJobRunner>(host.Services);
        var mapping = ImportMappingParser.Parse("""{ "kind": "customers", "columns": { "user_id": "Id" } }""");
        using var upload = new TempCsv(["Id", "c1"]);
        var job = await runner.EnqueueAsync(host.Workspace.Id, "customers.csv", upload.Path, mapping, deleteWhenDone: true, Ct);

        await runner.StopAsync(Ct);

        var ended = await host.Get<ImportJobStore>().FindAsync(host.Workspace.Id, job.Id, Ct);
        Assert.Equal(ImportJobStatus.Failed, ended!.Status);
        Assert.Contains("before the import ran", ended.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(upload.Path));
    }
}
