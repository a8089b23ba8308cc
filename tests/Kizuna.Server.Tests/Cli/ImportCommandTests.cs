using Kizuna.Server;
using Kizuna.Server.Cli;

namespace Kizuna.Cli;

/// <summary><c>kizuna import</c> run as a process: its exit code says whether every, some or no line was imported.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string Mapping = """{ "kind": "events", "columns": { "user_id": "user_id", "event": "event", "timestamp": "timestamp" } }""";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kizuna-import-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T04:05:06Z", ExitCodes.Ok, "Every line was imported.")]
    [InlineData("2024-01-02T03:04:05Z", "yesterday", ExitCodes.ImportHadBadLines, "The bad lines above were not imported; every other line was.")]
    [InlineData("someday", "yesterday", ExitCodes.Failure, "Nothing was imported: every line was bad.")]
    public async Task Import_ByLinesImported_ExitsWithItsCode(string first, string second, int exitCode, string verdict)
    {
        var csv = Path.Combine(_folder.FullName, "events.csv");
        var mapping = Path.Combine(_folder.FullName, "events.mapping.json");
        await File.WriteAllTextAsync(csv, $"user_id,event,timestamp\nu-1,Product Viewed,{first}\nu-2,Product Viewed,{second}\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(mapping, Mapping, TestContext.Current.CancellationToken);

        var run = await KizunaProcess.RunAsync(
            _folder.FullName,
            ["import", csv, "--mapping", mapping, "--data", Path.Combine(_folder.FullName, "data"), "--Logging:LogLevel:Default=Warning"],
            TestContext.Current.CancellationToken);

        Assert.True(exitCode == run.ExitCode, run.Text);
        Assert.Contains(verdict, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OrdersWithLinesWithoutCustomer_SaysTheyWereSkipped()
    {
        var csv = Path.Combine(_folder.FullName, "orders.csv");
        await File.WriteAllTextAsync(
            csv,
            """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom
            536366,22632,HAND WARMER RED POLKA DOT,6,2010-12-01 08:28:00,1.85,,United Kingdom
            """,
            TestContext.Current.CancellationToken);
        var mapping = Path.Combine(RepositoryPaths.Root, "docs", "examples", "online_retail.mapping.json");

        var run = await KizunaProcess.RunAsync(
            _folder.FullName,
            ["import", csv, "--mapping", mapping, "--data", Path.Combine(_folder.FullName, "data"), "--Logging:LogLevel:Default=Warning"],
            TestContext.Current.CancellationToken);

        Assert.True(ExitCodes.Ok == run.ExitCode, run.Text);
        Assert.Contains("Every line with a customer id was imported; 2 without one skipped.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Every line was imported.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_IsAUsageErrorNamingIt()
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, ["import", "missing.csv", "--mapping", "missing.json"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("File does not exist: 'missing.csv'.", run.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }
}
