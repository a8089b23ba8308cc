using System.Globalization;
using Kizuna.Work.Changes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Health;

/// <summary>Degraded when a feed consumer lags more than <see cref="HealthOptions.MaxFeedLag"/>; names the one furthest behind.</summary>
internal sealed class ChangeFeedHealthCheck(ChangeFeed feed, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var consumers = await feed.LagAsync(cancellationToken);
            if (consumers.Count == 0)
            {
                return HealthCheckResult.Healthy("No consumers.");
            }

            var furthest = consumers.MaxBy(c => c.Lag)!;
            var description = string.Create(CultureInfo.InvariantCulture,
                $"{consumers.Count} consumer{(consumers.Count == 1 ? "" : "s")}; the furthest behind, {furthest.Consumer}, is {furthest.Behind} changes and {furthest.Lag.TotalSeconds:0.###} s behind.");
            return furthest.Lag > options.Value.MaxFeedLag ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The change feed could not be read.", ex);
        }
    }
}
