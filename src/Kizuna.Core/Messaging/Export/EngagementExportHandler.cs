using System.Collections.Concurrent;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Export;

/// <summary>
/// Sends the export queue's jobs: each event read back, signed with its endpoint's secret and posted. A receiver that
/// fails for now is tried again on this handler's own schedule, an exponential backoff with jitter
/// (<see cref="ExportOptions.FirstRetryDelay"/> doubling to <see cref="ExportOptions.MaxRetryDelay"/>, or the
/// receiver's <c>Retry-After</c> when longer), until <see cref="ExportOptions.RetryFor"/> has passed since the event
/// was queued: then it is dead, listed with the workspace's dead jobs where an operator can retry it. A refusal
/// that trying again cannot change (a 4xx other than 408 and 429, an address the guard refuses) is dead at once.
/// </summary>
public sealed partial class EngagementExportHandler(
    WebhookEndpointStore endpoints, ExportEventReader events, WebhookExportSender sender, IOptions<ExportOptions> options, IOptions<WebhookOptions> webhook,
    TimeProvider time, ILogger<EngagementExportHandler> logger) : IJobHandler
{
    /// <summary>Attempts are bounded by time (<see cref="ExportOptions.RetryFor"/>), not by count: this only stops a runaway.</summary>
    public const int MaxAttempts = 200;

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        var signers = new ConcurrentDictionary<long, Task<WebhookSigner?>>();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = webhook.Value.Concurrency, CancellationToken = ct }, async (job, token) =>
        {
            if (job.WorkspaceId is not { } ws || ExportJob.Read(job.Payload) is not { } export)
            {
                outcomes.GiveUp(job, "The job does not name a workspace, an endpoint and an event.");
                return;
            }

            var endpoint = (await endpoints.ActiveAsync(ws, token)).FirstOrDefault(e => e.Id == export.EndpointId);
            var signer = endpoint is null ? null : await signers.GetOrAdd(endpoint.Id, id => endpoints.SignerAsync(ws, id, token));
            if (endpoint is null || signer is null || await events.ReadAsync(ws, export, token) is not { } e)
            {
                return;   // the endpoint was deleted, or the customer erased: nothing to send
            }

            var attempt = await sender.SendAsync(ws, endpoint.Url, e.EventId.ToString(), ExportBody.Of(e), signer, token);
            if (!attempt.Delivered)
            {
                Report(job, ws, export, attempt, outcomes);
            }
        });
    }

    private void Report(ClaimedJob job, long ws, ExportJob export, ExportAttempt attempt, JobOutcomes outcomes)
    {
        var settings = options.Value;
        var error = attempt.Error ?? "The endpoint refused the event.";
        var tried = time.GetUtcNow() - Epoch.FromMs(export.Since);
        if (!attempt.Transient || tried >= settings.RetryFor)
        {
            LogDead(logger, export.EndpointId, ws, attempt.Status, job.Attempt);
            outcomes.GiveUp(job, attempt.Transient ? $"{error} Tried for {tried.TotalHours:0.#} hours; given up." : error);
            return;
        }

        var backoff = JobBackoff.Delay(job.Attempt, settings.FirstRetryDelay, settings.MaxRetryDelay, Random.Shared);
        var asked = attempt.RetryAfter is { } retryAfter && retryAfter > backoff ? (retryAfter < settings.MaxRetryDelay ? retryAfter : settings.MaxRetryDelay) : backoff;
        outcomes.Fail(job, error, asked);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An engagement event for webhook endpoint {EndpointId} of workspace {WorkspaceId} is dead after {Attempts} tries (last status {Status}).")]
    private static partial void LogDead(ILogger logger, long endpointId, long workspaceId, int? status, int attempts);
}
