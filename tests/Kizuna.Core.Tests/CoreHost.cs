using Kizuna.Demo;
using Kizuna.Imports;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kizuna;

/// <summary>
/// Kizuna.Core as the server runs it (migrations, the ingestion writer and the import runner as hosted
/// services) on a fresh SQLite file in a temporary folder, with one workspace of its own.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private CoreHost(IHost host, string directory, Workspace workspace)
    {
        _host = host;
        _directory = directory;
        Workspace = workspace;
    }

    public Workspace Workspace { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<CoreHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kizuna-test-{Guid.NewGuid():N}");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKizunaCore();
        builder.Services.AddKizunaImports();
        builder.Services.AddKizunaDemo();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var workspace = await host.Services.GetRequiredService<WorkspaceService>()
            .CreateAsync($"ws-{Guid.NewGuid():N}"[..20], "Test", TestContext.Current.CancellationToken);
        return new CoreHost(host, directory, workspace);
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

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaner.
        }
    }
}
