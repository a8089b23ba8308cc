using System.Net.Sockets;
using Kizuna.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kizuna.Work.Changes;

/// <summary>
/// On PostgreSQL, wakes this node's consumers when any node commits a change: the transaction that appends a change
/// sends a notification on <see cref="Channel"/> (<see cref="ChangeLog"/>; PostgreSQL delivers it at the commit), and
/// this service listens for it on a connection of its own. Without it a consumer would see another node's commit only
/// at its next poll. On SQLite one process writes, and its own commits wake it (<see cref="ChangeSignal"/>).
/// </summary>
public sealed partial class ChangeNotifications(Database database, ChangeSignal signal, TimeProvider time, ILogger<ChangeNotifications> logger) : BackgroundService
{
    public const string Channel = "kizuna_changes";

    /// <summary>How long the connection may stay silent before it is checked: a connection dropped without a word would otherwise wait forever.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node first listens (and has woken its consumers for what it may have missed before).</summary>
    internal Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Kind != StoreKind.Postgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or SocketException or TimeoutException)
            {
                LogListenFailed(logger, e.GetType().Name, Reconnect);
                try
                {
                    await Task.Delay(Reconnect, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Out of the pool: a pooled connection goes back without a reset, and would take the LISTEN with it.
        await using var connection = ((PostgresDatabase)database).UnpooledConnection();
        await connection.OpenAsync(ct);
        connection.Notification += (_, _) => signal.Wake();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // A change committed while the connection was down (or before the LISTEN) sent its notification to no one.
        signal.Wake();
        _listening.TrySetResult();
        while (true)
        {
            if (!await connection.WaitAsync(Quiet, ct))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' changes failed ({Kind}); trying again in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, string kind, TimeSpan delay);
}
