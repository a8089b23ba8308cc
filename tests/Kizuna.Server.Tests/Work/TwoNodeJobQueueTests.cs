using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Kizuna.Server.Imports;
using Kizuna.Work.Changes;
using Kizuna.Workspaces;

namespace Kizuna.Server.Work;

/// <summary>
/// Two server processes on one PostgreSQL database claim the same job queue and read the same feed while both
/// ingest: imports uploaded to either node run on whichever claims them first (both nodes share this machine's
/// temporary folder), each exactly once; every line's event is stored once, and the event archive (one node at a
/// time) holds every event, tracked or imported, exactly once.
/// </summary>
public sealed class TwoNodeJobQueueTests
{
    private const int Imports = 10;
    private const int LinesPerImport = 3_000;
    private const string Mapping = """{ "kind": "events", "columns": { "user_id": "Customer", "event": "Event", "timestamp": "Time", "message_id": "Id" } }""";

    [Fact]
    public async Task Imports_TwoNodesClaimingOneQueueWhileIngesting_EachJobRunsOnceAndNoEventIsSkipped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await ServerStore.CreateAsync("postgres", ct);
        var archive = Directory.CreateTempSubdirectory("kizuna-archive-");
        try
        {
            await RunAsync(store, archive.FullName, ct);
        }
        finally
        {
            archive.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(ServerStore store, string archive, CancellationToken ct)
    {
        var secret = (await new ApiKeyService(store.Database, TimeProvider.System).CreateAsync(store.WorkspaceId, ApiKeyKind.Secret, "Import", [Scopes.Import], ct)).Secret;
        string[] settings = ["--Jobs:PollInterval=00:00:00.200", $"--Archive:Folder={archive}"];
        var load = new TrackLoad("jobs-two-nodes", senders: 4, batchesPerSender: 30);
        var ids = new List<long>();
        string[] output;
        await using (var a = await ServerProcess.StartAsync(store.Arguments, settings, ct))
        await using (var b = await ServerProcess.StartAsync(store.Arguments, settings, ct))
        {
            var sending = load.RunAsync([a.Address, b.Address], store.WriteKey, ct);
            for (var i = 0; i < Imports; i++)
            {
                ids.Add(await UploadAsync(i % 2 == 0 ? a.Address : b.Address, secret, Csv(i), ct));
            }

            await WaitUntilEndedAsync(store, ids, ct);
            await sending;
            await ArchiveFolder.WaitUntilCaughtUpAsync(new ChangeFeed(store.Database, TimeProvider.System, []), ct);
            output = [a.RecentOutput, b.RecentOutput];
        }

        await using var connection = await store.Database.OpenAsync(ct);
        var imports = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT status FROM imports WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: ct))).ToList();
        var jobs = (await connection.QueryAsync<(string State, long Attempts, string Owner)>(new CommandDefinition(
            "SELECT state, attempts, lease_owner FROM jobs WHERE queue = 'import'", cancellationToken: ct))).ToList();
        var lines = await connection.QuerySingleAsync<(long Rows, long Distinct)>(new CommandDefinition(
            "SELECT COUNT(*), COUNT(DISTINCT message_id) FROM events WHERE message_id LIKE 'import:events:%'", cancellationToken: ct));
        var tracked = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM events WHERE message_id LIKE 'jobs-two-nodes-%'", cancellationToken: ct));

        Assert.All(imports, status => Assert.Equal("succeeded", status));
        Assert.Equal(Imports, jobs.Count);
        Assert.All(jobs, job => Assert.Equal(("done", 1L), (job.State, job.Attempts)));
        Assert.True(jobs.Select(j => j.Owner).Distinct().Count() == 2, $"One node ran every job.\n{string.Join('\n', output)}");
        Assert.Equal((Imports * LinesPerImport, Imports * LinesPerImport), ((int)lines.Rows, (int)lines.Distinct));
        Assert.Equal(load.Total, load.Acknowledged.Count);
        Assert.Equal(load.Total, tracked);
        var archived = ArchiveFolder.CountMessageIds(archive);
        Assert.Equal(load.Total + Imports * LinesPerImport, archived.Count);
        Assert.All(load.Acknowledged, id => Assert.Equal(1, archived.GetValueOrDefault(id)));
        Assert.All(archived, pair => Assert.Equal(1, pair.Value));
    }

    private static string Csv(int import) =>
        string.Join('\n', ["Id,Customer,Event,Time", .. Enumerable.Range(0, LinesPerImport).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"i{import}-{i},customer-{i % 500},Product Viewed,2026-01-15T10:{i / 60 % 60:00}:{i % 60:00}Z"))]);

    private static async Task<long> UploadAsync(Uri server, string secret, string csv, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(csv), "file", "events.csv" },
            { new StringContent(Mapping), "mapping" },
        };
        using var accepted = await http.PostAsync(new Uri("/api/imports", UriKind.Relative), upload, ct);
        Assert.True(accepted.IsSuccessStatusCode, $"{(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync(ct)}");
        return (await accepted.Content.ReadFromJsonAsync<ImportJobResponse>(ct))!.Id;
    }

    private static async Task WaitUntilEndedAsync(ServerStore store, List<long> ids, CancellationToken ct)
    {
        await using var connection = await store.Database.OpenAsync(ct);
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            // An import's row ends just before its job is completed: both must have ended.
            var open = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT (SELECT COUNT(*) FROM imports WHERE id = ANY(@ids) AND status IN ('queued', 'running'))
                     + (SELECT COUNT(*) FROM jobs WHERE queue = 'import' AND state = 'pending')
                """, new { ids = ids.ToArray() }, cancellationToken: ct));
            if (open == 0)
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("The imports did not end within two minutes.");
    }
}
