using System.Globalization;
using Kizuna.Bench.Ingest;
using Kizuna.Bench.Messaging;

namespace Kizuna.Bench.Campaigns;

/// <summary>
/// The server processes under test on one database, each delivering to the sink under its own From name
/// (<c>Node 1</c>, <c>Node 2</c>, …) so the sink can tell who sent what, with their memory sampled twice a second.
/// </summary>
public sealed class ServerGroup : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private ServerGroup(IReadOnlyList<ServerChild> servers)
    {
        Servers = servers;
        Memory = [.. servers.Select(s => new ProcessMemory(s.Id))];
        _sampling = SampleAsync(_stop.Token);
    }

    public IReadOnlyList<ServerChild> Servers { get; }

    public IReadOnlyList<ProcessMemory> Memory { get; }

    /// <summary>Processor time of every server so far.</summary>
    public TimeSpan[] ProcessorTimes => [.. Servers.Select(s => s.ProcessorTime)];

    public static async Task<ServerGroup> StartAsync(CampaignBenchOptions options, IReadOnlyList<string> storage, int count, int smtpPort)
    {
        var servers = new List<ServerChild>();
        for (var node = 1; node <= count; node++)
        {
            servers.Add(await ServerChild.StartAsync(options.ServerDll, [.. storage, .. Settings(options, smtpPort, node)]));
        }

        return new ServerGroup(servers);
    }

    private static IEnumerable<string> Settings(CampaignBenchOptions options, int smtpPort, int node) => new Dictionary<string, string>
    {
        ["Messaging:BatchSize"] = options.Batch.ToString(CultureInfo.InvariantCulture),
        ["Messaging:SendPartSize"] = options.Part.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Email:Host"] = "127.0.0.1",
        ["Messaging:Email:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Email:Security"] = "None",
        ["Messaging:Email:PoolSize"] = options.Pool.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Email:FromAddress"] = "shop@example.com",
        ["Messaging:Email:FromName"] = $"Node {node}",
    }.Select(p => $"--{p.Key}={p.Value}");

    private async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var memory in Memory)
                {
                    memory.Sample();
                }

                await Task.Delay(500, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        _stop.Dispose();
    }
}
