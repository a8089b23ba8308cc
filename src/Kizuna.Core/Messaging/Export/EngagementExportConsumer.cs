using Kizuna.Storage;
using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Export;

/// <summary>
/// Queues every committed engagement event for each of its workspace's endpoints that takes it, as jobs on the
/// export queue. A change-feed consumer, so an event committed before a crash is still queued after it; a change
/// handed over twice queues nothing twice (the jobs are keyed by endpoint and event id). A workspace with no
/// endpoints costs a cached lookup per change.
/// </summary>
public sealed class EngagementExportConsumer(WebhookEndpointStore endpoints, JobQueue jobs, TimeProvider time) : IChangeConsumer
{
    public string Name => "webhook-export";

    public int BatchSize => 64;

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var since = Epoch.ToMs(time.GetUtcNow());
        var queued = new List<NewJob>();
        foreach (var workspace in changes.SelectMany(c => c.Events).Where(e => e.Type == "track").GroupBy(e => e.WorkspaceId))
        {
            var active = await endpoints.ActiveAsync(workspace.Key, ct);
            if (active.Count == 0)
            {
                continue;
            }

            foreach (var e in workspace)
            {
                queued.AddRange(active.Where(endpoint => endpoint.Takes(e.Name))
                    .Select(endpoint => new ExportJob(endpoint.Id, e.EventId, e.ProfileId, Epoch.ToMs(e.Timestamp), since).ToJob(workspace.Key)));
            }
        }

        foreach (var chunk in queued.Chunk(500))
        {
            await jobs.EnqueueManyAsync(chunk, ct);
        }
    }
}
