using Kizuna.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kizuna.Server.Health;

/// <summary>Unhealthy when the database does not answer <c>SELECT 1</c>: nothing this node does can work then.</summary>
internal sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's message may name the server and user; the log has it, the anonymous answer does not.
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
