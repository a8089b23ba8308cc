using System.Diagnostics;
using Kizuna.Demo;
using Kizuna.Imports;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kizuna;

/// <summary>
/// Kizuna.Core as the server runs it (migrations, the ingestion writer and the import runner as hosted
/// services) on a fresh SQLite file in a temporary folder, with one workspace of its own.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Dictionary<string, string?> _settings;
    private readonly Store _store;

    private CoreHost(IHost host, Dictionary<string, string?> settings, Store store, Workspace workspace)
    {
        _host = host;
        _settings = settings;
        _store = store;
        Workspace = workspace;
    }

    public Workspace Workspace { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A started host on <paramref name="engine"/> (<c>sqlite</c>, or <c>postgres</c> when <c>KIZUNA_TEST_POSTGRES</c> is set; skipped otherwise).</summary>
    public static async Task<CoreHost> StartAsync(string engine = "sqlite", Action<IServiceCollection>? configure = null)
    {
        var (settings, cleanup) = engine == "postgres" ? await PostgresAsync() : Sqlite();
        var host = await BuildAsync(settings, configure);
        var workspace = await host.Services.GetRequiredService<WorkspaceService>()
            .CreateAsync($"ws-{Guid.NewGuid():N}"[..20], "Test", TestContext.Current.CancellationToken);
        return new CoreHost(host, settings, new Store(cleanup), workspace);
    }

    /// <summary>
    /// A second node on <paramref name="other"/>'s database and workspace, with its own writer, job worker and feed
    /// runner (and its own node name); the database goes when the last of them is disposed.
    /// </summary>
    public static async Task<CoreHost> JoinAsync(CoreHost other, Action<IServiceCollection>? configure = null)
    {
        Interlocked.Increment(ref other._store.Hosts);
        return new CoreHost(await BuildAsync(other._settings, configure), other._settings, other._store, other.Workspace);
    }

    private static async Task<IHost> BuildAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKizunaCore();
        builder.Services.AddKizunaImports();
        builder.Services.AddKizunaDemo();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static (Dictionary<string, string?>, Func<Task>) Sqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kizuna-test-{Guid.NewGuid():N}");
        return (new() { ["Storage:DataDirectory"] = directory }, () =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp folder's cleaner.
            }

            return Task.CompletedTask;
        }
        );
    }

    private static async Task<(Dictionary<string, string?>, Func<Task>)> PostgresAsync()
    {
        if (TestStore.PostgresConnectionString is not { } server)
        {
            Assert.Skip($"{TestStore.PostgresVariable} is not set");
            throw new UnreachableException();
        }

        var name = $"kz_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return (new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = connectionString }, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        );
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A scalar query against the test database, for counts the services do not expose.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Get<Database>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@ws";
        parameter.Value = Workspace.Id;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stops the hosted services (as a shutting-down server does), leaving the store to inspect.</summary>
    public Task StopAsync() => _host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        if (Interlocked.Decrement(ref _store.Hosts) == 0)
        {
            await _store.Cleanup();
        }
    }

    /// <summary>The test store and how many hosts still run on it.</summary>
    private sealed class Store(Func<Task> cleanup)
    {
        public int Hosts = 1;

        public Func<Task> Cleanup => cleanup;
    }
}
