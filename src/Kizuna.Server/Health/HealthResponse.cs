using Kizuna.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kizuna.Server.Health;

/// <summary>The health of this node, the store it uses and each check: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</summary>
public sealed record HealthResponse(string Status, string Store, IReadOnlyList<HealthCheckResponse> Checks)
{
    public static HealthResponse From(HealthReport report, StoreKind store) => new(
        Name(report.Status),
        store.ToString().ToLowerInvariant(),
        [.. report.Entries.Select(e => new HealthCheckResponse(e.Key, Name(e.Value.Status), e.Value.Description ?? "", Math.Round(e.Value.Duration.TotalMilliseconds, 1)))]);

    internal static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
