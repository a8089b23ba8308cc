using System.Collections.Concurrent;
using Kizuna.Imports;

namespace Kizuna.Analytics.OnlineRetail;

/// <summary>
/// The whole Online Retail file imported with the shipped mapping (read in place from shared/data above the test
/// folder) once per engine, on first use, shared by the metrics and basket tests, beside the reference computation
/// over the same file. PostgreSQL is used when <c>KIZUNA_TEST_POSTGRES</c> is set.
/// </summary>
public sealed class OnlineRetailFixture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CoreHost>>> _hosts = new(StringComparer.Ordinal);
    private readonly Lazy<RetailReference?> _reference = new(() => DataFile() is { } source ? RetailReference.Read(source) : null);

    /// <summary>Null when the data file is not on this machine (the tests then skip).</summary>
    public static string? DataFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "online_retail.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    internal RetailReference Reference => _reference.Value ?? throw Skipped();

    /// <summary>The host on <paramref name="engine"/> with the file imported into its workspace.</summary>
    internal Task<CoreHost> HostAsync(string engine) =>
        DataFile() is { } source ? _hosts.GetOrAdd(engine, e => new Lazy<Task<CoreHost>>(() => ImportAsync(e, source))).Value : throw Skipped();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated && h.Value.IsCompletedSuccessfully))
        {
            await (await host.Value).DisposeAsync();
        }
    }

    private static async Task<CoreHost> ImportAsync(string engine, string source)
    {
        var host = await CoreHost.StartAsync(engine);
        var mapping = ImportMappingParser.Parse(await File.ReadAllTextAsync(
            Path.Combine(Imports.ImportMappingParserTests.RepositoryRoot(), "docs", "examples", "online_retail.mapping.json")));
        var report = await host.Get<ImportService>().ImportAsync(host.Workspace.Id, source, mapping, null, CancellationToken.None);
        Assert.Equal(0, report.BadLines);
        return host;
    }

    private static Exception Skipped()
    {
        Assert.Skip("shared/data/online_retail.csv was not found above the test folder.");
        return new InvalidOperationException();
    }
}
