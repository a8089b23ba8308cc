using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Imports;

/// <summary>Imports as jobs on the <c>import</c> queue.</summary>
public sealed class ImportJobTests
{
    private const string CustomersMapping = """{ "kind": "customers", "columns": { "user_id": "Id", "email": "Email" }, "timeZone": "Asia/Tokyo" }""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EnqueueAsync_Upload_RunsOnTheQueueSucceedsAndDeletesTheUpload(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        var upload = new TempCsv(["Id,Email", "c1,c1@example.test", "c2,c2@example.test"]);

        var job = await host.Get<ImportJobRunner>().EnqueueAsync(host.Workspace.Id, "customers.csv", upload.Path, ImportMappingParser.Parse(CustomersMapping), deleteWhenDone: true, Ct);
        var ended = await WaitForEndAsync(host, job.Id);

        Assert.Equal(ImportJobStatus.Succeeded, ended.Status);
        Assert.Equal(2, ended.Report!.Customers);
        Assert.False(File.Exists(upload.Path));
        Assert.Equal(2, await host.CountAsync("SELECT COUNT(*) FROM profiles WHERE workspace_id = @ws"));
        for (var i = 0; i < 600 && (await host.Get<JobQueue>().StatsAsync(Ct)).Count > 0; i++)
        {
            await Task.Delay(50, Ct);   // the job is completed just after the import's row is written
        }

        Assert.Empty(await host.Get<JobQueue>().StatsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Stop_ImportsNotFinished_StayQueuedWithTheirUploadsForTheNextStart(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        var mapping = ImportMappingParser.Parse(CustomersMapping);
        var uploads = Enumerable.Range(0, 3).Select(_ => new TempCsv(
            ["Id,Email", .. Enumerable.Range(0, 20_000).Select(i => $"c{i},c{i}@example.test")])).ToList();
        var jobs = new List<ImportJob>();
        foreach (var upload in uploads)
        {
            jobs.Add(await host.Get<ImportJobRunner>().EnqueueAsync(host.Workspace.Id, "customers.csv", upload.Path, mapping, deleteWhenDone: true, Ct));
        }

        await host.StopAsync();

        var store = host.Get<ImportJobStore>();
        var last = (await store.FindAsync(host.Workspace.Id, jobs[^1].Id, Ct))!;
        Assert.Equal(ImportJobStatus.Queued, last.Status);
        Assert.True(File.Exists(uploads[^1].Path));
        var waiting = Assert.Single(await host.Get<JobQueue>().StatsAsync(Ct));
        Assert.Equal("import", waiting.Queue);
        Assert.True(waiting.Due >= 1, $"{waiting}");
        Assert.Equal(0, waiting.Running);
        foreach (var upload in uploads)
        {
            upload.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandleAsync_UploadGoneWithItsNode_FailsTheImportSayingSo(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        var import = await host.Get<ImportJobStore>().CreateAsync(host.Workspace.Id, ImportKind.Customers, "customers.csv", Ct);
        var payload = new ImportJobPayload(import.Id, Path.Combine(Path.GetTempPath(), $"kizuna-gone-{Guid.NewGuid():N}.csv"), true, ImportMappingParser.Parse(CustomersMapping));
        var claimed = new ClaimedJob(1, "import", "import:1", null, host.Workspace.Id, payload.ToJson(), 2, 3, 42, DateTimeOffset.UnixEpoch);
        var handler = ActivatorUtilities.CreateInstance<ImportJobHandler>(host.Services);

        await handler.HandleAsync([claimed], new JobOutcomes(), Ct);

        var ended = (await host.Get<ImportJobStore>().FindAsync(host.Workspace.Id, import.Id, Ct))!;
        Assert.Equal(ImportJobStatus.Failed, ended.Status);
        Assert.Contains("no longer on the server", ended.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_EveryMappingMember_SurvivesTheQueue()
    {
        var mapping = ImportMappingParser.Parse("""
            { "kind": "orders", "columns": { "user_id": "Customer", "order_id": "Invoice", "timestamp": "Date", "product_id": "Code", "price": "Price", "quantity": "Qty" },
              "traits": { "country": "Country" }, "timestampFormat": "M/d/yyyy H:mm", "timeZone": "Europe/London", "currency": "GBP",
              "cancellationPrefix": "C", "cancellationAs": "cancelled", "cancellationMatch": "customerProduct", "numericIds": true,
              "delimiter": ";", "encoding": "shift_jis", "maxReportedErrors": 5 }
            """);

        var back = ImportJobPayload.FromJson(new ImportJobPayload(9, "/tmp/x.csv", true, mapping).ToJson());

        Assert.Equal((9L, "/tmp/x.csv", true), (back.ImportId, back.Path, back.DeleteWhenDone));
        Assert.Equal(mapping.Columns, back.Mapping.Columns);
        Assert.Equal(mapping.Traits, back.Mapping.Traits);
        Assert.Equal(mapping with
        {
            Columns = back.Mapping.Columns,
            Traits = back.Mapping.Traits,
            Subscriptions = back.Mapping.Subscriptions,
            Properties = back.Mapping.Properties,
            Encoding = back.Mapping.Encoding,
            TimeZone = back.Mapping.TimeZone,
        }, back.Mapping);
        Assert.Equal((mapping.TimeZone.Id, mapping.Encoding!.CodePage), (back.Mapping.TimeZone.Id, back.Mapping.Encoding!.CodePage));
    }

    [Fact]
    public void Payload_CustomersSubscriptions_SurviveTheQueue()
    {
        var mapping = ImportMappingParser.Parse("""
            { "kind": "customers", "columns": { "user_id": "Id", "email": "Email" }, "subscriptions": { "email": "Newsletter", "sms": "Texts" } }
            """);

        var back = ImportJobPayload.FromJson(new ImportJobPayload(9, "/tmp/x.csv", true, mapping).ToJson());

        Assert.Equal(2, mapping.Subscriptions.Count);
        Assert.Equal(mapping.Subscriptions, back.Mapping.Subscriptions);
    }

    private static async Task<ImportJob> WaitForEndAsync(CoreHost host, long id)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await host.Get<ImportJobStore>().FindAsync(host.Workspace.Id, id, Ct) is { Status: ImportJobStatus.Succeeded or ImportJobStatus.Failed } job)
            {
                return job;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("The import did not finish within 30 seconds.");
    }
}
