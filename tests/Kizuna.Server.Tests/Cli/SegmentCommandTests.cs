using Kizuna.Server.Cli;

namespace Kizuna.Cli;

/// <summary><c>kizuna segment</c> run as a process over data imported by <c>kizuna import</c>.</summary>
public sealed class SegmentCommandTests : IDisposable
{
    private const string Mapping = """{ "kind": "events", "columns": { "user_id": "user_id", "event": "event", "timestamp": "timestamp" } }""";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kizuna-segment-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Eval_DefinitionAndBrokenDefinition_CountsOrRefusesWithLineAndColumn()
    {
        var data = await ImportAsync("u-1,Product Viewed", "u-2,Product Viewed", "u-3,Order Completed");

        var counted = await KizunaProcess.RunAsync(_folder.FullName, ["segment", "eval", "performed(\"Product Viewed\")", "--data", data, "--sample", "5"], Ct);
        var broken = await KizunaProcess.RunAsync(_folder.FullName, ["segment", "eval", "performed(\"Product Viewed\", count >= )", "--data", data], Ct);
        var list = await KizunaProcess.RunAsync(_folder.FullName, ["segment", "list", "--data", data], Ct);

        Assert.True(counted.ExitCode == ExitCodes.Ok, counted.Text);
        Assert.Contains("2 profiles", counted.Output, StringComparison.Ordinal);
        Assert.Contains("u-1", counted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("u-3", counted.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, broken.ExitCode);
        Assert.Contains("line 1, column ", broken.Error, StringComparison.Ordinal);
        Assert.True(list.ExitCode == ExitCodes.Ok, list.Text);
    }

    [Fact]
    public async Task Show_UnknownSegment_IsAUsageErrorNamingIt()
    {
        var data = await ImportAsync("u-1,Product Viewed");

        var run = await KizunaProcess.RunAsync(_folder.FullName, ["segment", "show", "42", "--data", data], Ct);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("No segment 42 in workspace 'default'.", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> ImportAsync(params string[] rows)
    {
        var csv = Path.Combine(_folder.FullName, "events.csv");
        var mapping = Path.Combine(_folder.FullName, "events.mapping.json");
        await File.WriteAllTextAsync(csv, "user_id,event,timestamp\n" + string.Join('\n', rows.Select(r => r + ",2026-11-01T09:00:00Z")) + "\n", Ct);
        await File.WriteAllTextAsync(mapping, Mapping, Ct);
        var data = Path.Combine(_folder.FullName, "data");
        var import = await KizunaProcess.RunAsync(_folder.FullName, ["import", csv, "--mapping", mapping, "--data", data, "--Logging:LogLevel:Default=Warning"], Ct);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.Text);
        return data;
    }
}
