using System.Globalization;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Health;

/// <summary>Degraded when a due job has waited longer than <see cref="HealthOptions.MaxJobWait"/>; says how many jobs wait and how many died.</summary>
internal sealed class JobQueueHealthCheck(JobQueue jobs, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var queues = await jobs.StatsAsync(cancellationToken);
            var now = time.GetUtcNow();
            var wait = queues.Select(q => q.WaitAt(now)).DefaultIfEmpty().Max();
            var description = string.Create(CultureInfo.InvariantCulture,
                $"{queues.Sum(q => q.Due)} due, {queues.Sum(q => q.Running)} running, {queues.Sum(q => q.Scheduled)} scheduled, {queues.Sum(q => q.Dead)} dead; the oldest due job has waited {wait.TotalSeconds:0.#} s.");
            return wait > options.Value.MaxJobWait ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The job queue could not be read.", ex);
        }
    }
}
