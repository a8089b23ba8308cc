using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Actions;

/// <summary>
/// Does the work of action nodes on the <c>journey-actions</c> queue, a claimed batch at a time: a webhook node's
/// call (its answer kept on the entry, then <c>next</c>, or <c>onFailure</c> after its retries) and an update-profile
/// node's identify call, committed before the entry moves, so a branch after it reads the new traits. Then the
/// batch's entries move on in one pass, compare-and-set on the seq they were waiting at. A job run again after a crash
/// makes the same call (the same <c>webhook-id</c>) or the same identify (dropped as a repeat): nothing is applied twice.
/// </summary>
public sealed partial class JourneyActionHandler(
    JourneyCatalog catalog, EntryStore entries, JourneyEngine engine, JourneyWriter writer, JourneyActions actions, JourneyWebhookSender webhooks,
    JourneyProfileWriter profiles, IOptions<WebhookOptions> webhookOptions, IOptions<SmsOptions> sms, TimeProvider time, ILogger<JourneyActionHandler> logger) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new(JourneyTimer.ActionQueue, 32, TimeSpan.FromMinutes(2), 10);

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        var byEntry = new Dictionary<long, (JourneyTimer Timer, ClaimedJob Job)>();
        foreach (var job in jobs)
        {
            if (JourneyTimer.Read(job) is { } timer)
            {
                byEntry[timer.Entry] = (timer, job);
            }
            else
            {
                outcomes.GiveUp(job, "The job names no journey entry.");
            }
        }

        var snapshot = await catalog.CurrentAsync(ct);
        var pass = new JourneyPass(snapshot, time.GetUtcNow());
        var ready = new List<(EntryRun Run, JourneyNode Node, ClaimedJob Job)>();
        foreach (var entry in await entries.ByIdsAsync(byEntry.Keys, ct))
        {
            // An entry that moved on (an exit), or a paused journey's (resuming sets its timer again), is left alone.
            var (timer, job) = byEntry[entry.Id];
            if (entry.State == JourneyEntry.Waiting && entry.Seq == timer.Seq
                && snapshot.Heads.TryGetValue(entry.JourneyId, out var head) && head.State == JourneyStates.Live
                && pass.Load(entry) is { } run && run.Journey.Nodes.TryGetValue(entry.Node, out var node) && JourneyNodeKinds.Acts(node.Kind))
            {
                ready.Add((run, node, job));
            }
        }

        if (ready.Count == 0)
        {
            return;
        }

        var done = new ConcurrentDictionary<long, (string Outcome, string? Edge, bool Answered, JsonNode? Answer)>();
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = webhookOptions.Value.Concurrency, CancellationToken = ct }, async (item, token) =>
        {
            var (run, node, job) = item;
            var e = run.Entry;
            var model = await actions.ModelAsync(e.WorkspaceId, e.ProfileId, run.TemplateData(), token);
            if (node.Kind == JourneyNodeKinds.Webhook)
            {
                var request = await actions.RenderWebhookAsync(e.WorkspaceId, node, model, token);
                if (request.Problem is { } problem)
                {
                    done[e.Id] = ($"failed: {problem}", node.OnFailure, false, null);
                    return;
                }

                var timeout = TimeSpan.FromSeconds(node.Webhook!.TimeoutSeconds ?? WebhookCall.DefaultTimeoutSeconds);
                var answer = await webhooks.SendAsync(e.WorkspaceId, JourneyWebhookSender.DeliveryId(e.WorkspaceId, e.Id, e.Seq), request, timeout, token);
                if (answer.Ok)
                {
                    done[e.Id] = ($"webhook:{answer.Status}", node.Next, true, answer.Body);
                }
                else if (answer.Transient && job.Attempt <= (node.Webhook.Retries ?? WebhookCall.DefaultRetries))
                {
                    LogRetry(logger, e.JourneyId, node.Id, answer.Status, job.Attempt);
                    outcomes.Fail(job, answer.Reason, TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(3, job.Attempt - 1))));
                }
                else
                {
                    LogFailed(logger, e.JourneyId, node.Id, answer.Status);
                    done[e.Id] = ($"failed: {answer.Reason}", node.OnFailure, false, null);
                }

                return;
            }

            var changes = await actions.RenderUpdateAsync(e.WorkspaceId, node, model, token);
            var why = changes.Problem
                ?? await profiles.WriteAsync(e.WorkspaceId, e.ProfileId, JourneyProfileWriter.MessageId(e.Id, e.Seq), changes.Traits, e.WaitUntil ?? pass.Now, token);
            done[e.Id] = (why is null ? "updated" : $"skipped: {why}", node.Next, false, null);
        });

        if (done.IsEmpty)
        {
            return;
        }

        // Read after the writes, so a branch right after an update reads the traits it set.
        var now = time.GetUtcNow();
        var steps = new JourneySteps(await engine.PrepareAsync(pass, ct), now, sms.Value.DefaultRegion);
        foreach (var (run, _, _) in ready)
        {
            if (done.TryGetValue(run.Entry.Id, out var result))
            {
                if (result.Answered)
                {
                    run.Answer(run.Entry.Node, result.Answer);
                }

                steps.Resume(run, result.Outcome, result.Edge);
            }
        }

        await writer.CommitAsync(pass, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey {JourneyId} webhook node {Node} failed with {Status} on try {Attempt}; trying again")]
    private static partial void LogRetry(ILogger logger, long journeyId, string node, int? status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey {JourneyId} webhook node {Node} failed with {Status}; the entry takes the failure edge")]
    private static partial void LogFailed(ILogger logger, long journeyId, string node, int? status);
}
