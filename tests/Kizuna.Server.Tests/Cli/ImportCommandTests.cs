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
    public async Task Import_MissingFile_IsAUsageErrorNamingIt()
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, ["import", "missing.csv", "--mapping", "missing.json"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("File does not exist: 'missing.csv'.", run.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }
}
