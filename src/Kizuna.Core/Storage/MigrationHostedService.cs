using Microsoft.Extensions.Hosting;

namespace Kizuna.Storage;

/// <summary>Brings the schema up to date before anything else starts, so a fresh data folder just works.</summary>
internal sealed class MigrationHostedService(Migrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
