using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kizuna.Server;

/// <summary>
/// One Kizuna server per test: a temporary SQLite data folder, or with <c>postgres</c> a database of its own on the
/// server named by <c>KIZUNA_TEST_POSTGRES</c> (the test is skipped when that is not set). The admin password is
/// <see cref="AdminPassword"/>. Dispose it at the end of the test.
/// </summary>
public sealed class KizunaApplication : WebApplicationFactory<Program>
{
    public const string AdminPassword = "test-admin-Passw0rd";
    public const string PostgresVariable = "KIZUNA_TEST_POSTGRES";

    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("kizuna-app-");
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="engine"><c>sqlite</c> or <c>postgres</c>.</param>
    /// <param name="settings">Configuration beside the storage's (<c>Messaging:Email:UseCatcher</c>, …).</param>
    public KizunaApplication(string engine = "sqlite", IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        if (engine == "postgres")
        {
            if (Environment.GetEnvironmentVariable(PostgresVariable) is not { Length: > 0 } server)
            {
                Assert.Skip($"{PostgresVariable} is not set");
                throw new UnreachableException();
            }

            _postgresServer = server;
            _postgresDatabase = $"kz_{Guid.NewGuid():N}";
            ExecutePostgres(server, $"CREATE DATABASE {_postgresDatabase}");
        }
    }

    /// <summary>The engines an API test can run on: <c>[MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]</c>.</summary>
    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    public string DataFolder => _dataFolder.FullName;

    /// <summary>The connection string of this application's own PostgreSQL database, or null on SQLite.</summary>
    public string? PostgresConnectionString =>
        _postgresServer is null ? null : new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A new workspace of its own, so tests never see each other's data.</summary>
    public Task<Workspace> CreateWorkspaceAsync(CancellationToken ct) =>
        Service<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Test workspace", ct);

    public async Task<string> CreateWriteKeyAsync(long workspaceId, CancellationToken ct) =>
        (await Service<ApiKeyService>().CreateAsync(workspaceId, ApiKeyKind.Write, "Test write key", [], ct)).Secret;

    public async Task<string> CreateSecretKeyAsync(long workspaceId, IReadOnlyList<string> scopes, CancellationToken ct) =>
        (await Service<ApiKeyService>().CreateAsync(workspaceId, ApiKeyKind.Secret, "Test secret key", scopes, ct)).Secret;

    /// <summary>A client that sends the write key the way Segment's libraries do: HTTP Basic, key as user name.</summary>
    public HttpClient CreateWriteClient(string writeKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        return client;
    }

    /// <summary>A client for the admin API with a secret key as bearer token.</summary>
    public HttpClient CreateAdminClient(string secretKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        return client;
    }

    /// <summary>After <c>UseKestrel(0)</c> and <c>StartServer()</c>: the loopback address the real server listens on.</summary>
    public Uri ServerAddress =>
        new(Service<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", _dataFolder.FullName);
        builder.UseSetting("Setup:AdminPassword", AdminPassword);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_postgresServer is not null)
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("Storage:ConnectionString", new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(_postgresServer, _postgresDatabase!);
        }

        await TestFolders.DeleteAsync(_dataFolder.FullName);
    }

    // An autovacuum worker in the database is not ours to terminate: wait for it, and leave the database to the
    // throw-away test server if it never goes.
    private static async Task DropDatabaseAsync(string server, string name)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                ExecutePostgres(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(500);
            }
        }
    }

    private static void ExecutePostgres(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
