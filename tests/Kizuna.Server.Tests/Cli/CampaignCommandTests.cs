using Kizuna.Server.Cli;

namespace Kizuna.Cli;

/// <summary><c>kizuna campaign</c> run as a process over data imported by <c>kizuna import</c>.</summary>
public sealed class CampaignCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kizuna-campaign-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task ListAndReport_WithoutCampaigns_ListNothingAndNameTheMissingCampaign()
    {
        var csv = Path.Combine(_folder.FullName, "events.csv");
        var mapping = Path.Combine(_folder.FullName, "events.mapping.json");
        await File.WriteAllTextAsync(csv, "user_id,event,timestamp\nu-1,Product Viewed,2026-11-01T09:00:00Z\n", Ct);
        await File.WriteAllTextAsync(mapping, """{ "kind": "events", "columns": { "user_id": "user_id", "event": "event", "timestamp": "timestamp" } }""", Ct);
        var data = Path.Combine(_folder.FullName, "data");
        var import = await KizunaProcess.RunAsync(_folder.FullName, ["import", csv, "--mapping", mapping, "--data", data, "--Logging:LogLevel:Default=Warning"], Ct);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.Text);

        var list = await KizunaProcess.RunAsync(_folder.FullName, ["campaign", "list", "--data", data], Ct);
        var report = await KizunaProcess.RunAsync(_folder.FullName, ["campaign", "report", "42", "--data", data], Ct);

        Assert.True(list.ExitCode == ExitCodes.Ok, list.Text);
        Assert.Contains("State", list.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, report.ExitCode);
        Assert.Contains("No campaign 42", report.Error, StringComparison.Ordinal);
    }
}
