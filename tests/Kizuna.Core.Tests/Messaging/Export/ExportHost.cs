using System.Text.Json;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Storage;
using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StandardWebhooks;

namespace Kizuna.Messaging.Export;

/// <summary>A messaging host whose engagement export posts to a real HTTP receiver on loopback, with helpers to record events and read the export's jobs.</summary>
public sealed class ExportHost : IAsyncDisposable
{
    private ExportHost(ChannelHost host) => Channels = host;

    public ChannelHost Channels { get; }

    public HttpPeer Peer => Channels.Peer;

    public long Ws => Channels.Ws;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A started host whose export consumer holds its cursor (a consumer seen first starts at the end of the feed, so events before it are not its).</summary>
    public static async Task<ExportHost> StartAsync(string engine, TimeProvider? clock = null)
    {
        var host = new ExportHost(await ChannelHost.StartAsync(engine, services =>
        {
            services.Configure<WebhookOptions>(o => o.AllowPrivateNetworks = true);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        }));
        for (var tries = 0; !(await host.Get<ChangeFeed>().LagAsync(Ct)).Any(l => l.Consumer == "webhook-export" && l.Owner is not null); tries++)
        {
            Assert.True(tries < 3000, "the export consumer never took its cursor");
            await Task.Delay(20, Ct);
        }

        return host;
    }

    public T Get<T>() where T : notnull => Channels.Get<T>();

    public Task<CreatedWebhookEndpoint> EndpointAsync(string path, params string[] events) =>
        Get<WebhookEndpointStore>().CreateAsync(Ws, new WebhookEndpointDraft(Peer.BaseUrl + path, null, events.Length == 0 ? null : events), Ct);

    /// <summary>Track calls of <paramref name="user"/>, committed when this returns.</summary>
    public async Task TrackAsync(string user, DateTimeOffset at, params string[] names) =>
        await Get<IngestionPipeline>().SubmitAsync(new IngestBatch(Ws, [.. names.Select(n => Ingestion.Messages.Track(user, null, n, at) with { PropertiesJson = """{"message_id": 7}""" })]), Ct);

    /// <summary>Waits until the receiver holds <paramref name="count"/> requests (up to a minute: a transaction left open on a shared PostgreSQL server holds the feed back).</summary>
    public async Task<IReadOnlyList<PeerRequest>> RequestsAsync(int count)
    {
        for (var tries = 0; Peer.Requests.Count < count; tries++)
        {
            Assert.True(tries < 3000, $"{Peer.Requests.Count} of {count} requests arrived");
            await Task.Delay(20, Ct);
        }

        return [.. Peer.Requests];
    }

    /// <summary>The export's one job (of the endpoint, when given) once its attempt <paramref name="attempts"/> is recorded (no longer leased).</summary>
    public async Task<(string State, long DueAt, int Attempts, string? LastError)> JobAfterAsync(int attempts, long? endpointId = null)
    {
        for (var tries = 0; ; tries++)
        {
            await using var connection = await Get<Database>().OpenAsync(Ct);
            var job = await connection.QuerySingleOrDefaultAsync<(string State, long DueAt, long Attempts, string? LastError, long? Token)>(
                $"SELECT state, due_at, attempts, last_error, lease_token FROM jobs WHERE queue = @queue {(endpointId is null ? "" : "AND key LIKE @prefix")}",
                new { queue = ExportJob.Queue, prefix = $"{endpointId}:%" });
            if (job.State is not null && job.Attempts == attempts && job.Token is null)
            {
                return (job.State, job.DueAt, (int)job.Attempts, job.LastError);
            }

            Assert.True(tries < 3000, $"attempt {attempts} was never recorded (the job is {job.State} after {job.Attempts})");
            // On PostgreSQL the feed holds a commit back while any older transaction on the server is open, and the
            // consumer that found nothing then waits for its poll, which the frozen clock never fires.
            Get<ChangeSignal>().Wake();
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>
    /// Moves the clock to a job's due time and wakes the export's worker: a worker that began its poll wait after the
    /// move would otherwise wait for a fake time that never comes.
    /// </summary>
    public void AdvanceTo(FakeTimeProvider clock, long dueAtMs)
    {
        clock.SetUtcNow(Epoch.FromMs(dueAtMs));
        Get<JobSignal>().Notify(ExportJob.Queue);
    }

    /// <summary>Checks the request's Standard Webhooks signature with the StandardWebhooks package (throws when it is wrong) and returns its body.</summary>
    public static JsonElement Verified(PeerRequest request, string secret)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        new StandardWebhook(secret).Verify(request.Body, headers);
        return JsonDocument.Parse(request.Body).RootElement;
    }

    public async ValueTask DisposeAsync() => await Channels.DisposeAsync();
}
