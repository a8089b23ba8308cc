using Kizuna.Analytics.Metrics;
using Kizuna.Imports;

namespace Kizuna.Analytics.OnlineRetail;

/// <summary>
/// The whole Online Retail file imported once with the shipped mapping (read in place from shared/data above the
/// test folder), shared by the metrics and basket tests, beside the reference computation over the same file.
/// </summary>
public sealed class OnlineRetailFixture : IAsyncLifetime
{
    private CoreHost? _host;
    private RetailReference? _reference;

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

    internal CoreHost Host => _host ?? throw Skipped();

    internal RetailReference Reference => _reference ?? throw Skipped();

    public MetricsService Metrics => Host.Get<MetricsService>();

    public long WorkspaceId => Host.Workspace.Id;

    public async ValueTask InitializeAsync()
    {
        if (DataFile() is not { } source)
        {
            return;
        }

        _host = await CoreHost.StartAsync();
        var mapping = ImportMappingParser.Parse(await File.ReadAllTextAsync(
            Path.Combine(Imports.ImportMappingParserTests.RepositoryRoot(), "docs", "examples", "online_retail.mapping.json")));
        var report = await _host.Get<ImportService>().ImportAsync(_host.Workspace.Id, source, mapping, null, CancellationToken.None);
        Assert.Equal(0, report.BadLines);
        _reference = RetailReference.Read(source);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static Exception Skipped()
    {
        Assert.Skip("shared/data/online_retail.csv was not found above the test folder.");
        return new InvalidOperationException();
    }
}
