using System.Reflection;
using Kizuna.Server.Cli;

namespace Kizuna.Cli;

/// <summary>The built <c>kizuna</c> run as its own process in an empty folder: what it prints, what it leaves behind, how it exits.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kizuna-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--version")]
    [InlineData("help")]
    [InlineData("serve --help")]
    [InlineData("demo --help")]
    [InlineData("migrate --help")]
    [InlineData("import --help")]
    public async Task Kizuna_HelpOrVersion_ExitsAtOnceAndCreatesNothing(string args)
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, args.Split(' '), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("running at", run.Text, StringComparison.Ordinal);
        // No data folder, no demo folder, no database: the folder is as empty as it was.
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Kizuna_Version_PrintsTheProductVersion()
    {
        var version = typeof(KizunaCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var run = await KizunaProcess.RunAsync(_folder.FullName, ["--version"], TestContext.Current.CancellationToken);

        Assert.Equal(version, run.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public async Task Kizuna_UnknownOption_ExitsWithUsageErrorAndASuggestion()
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, ["serve", "--prot", "5000"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Did you mean one of the following?", run.Output, StringComparison.Ordinal);
        Assert.Contains("--port", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unrecognized command or argument '--prot'.", run.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Kizuna_PortNotANumber_ExitsWithUsageErrorSayingWhy()
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, ["--port", "abc"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("--port takes a whole number from 1 to 65535; 'abc' is not one.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Text, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("--Kestrel:Port=abc")]
    [InlineData("--Kestrel:Port=70000")]
    public async Task Kizuna_PortKeyNotAPortNumber_IsRefusedSayingWhy(string setting)
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, ["serve", setting], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(
            $"Configuration refused: Kestrel:Port is '{setting.Split('=')[1]}', which is not a port number from 1 to 65535.",
            run.Error.Trim());
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("migrate")]
    [InlineData("demo")]
    public async Task Kizuna_UnknownStorageProvider_IsRefusedNamingTheAcceptedOnes(string verb)
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, [verb, "--Storage:Provider=postgress"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(
            "Configuration refused: Storage:Provider is 'postgress', which is not a storage provider. Accepted values: sqlite, postgres.",
            run.Error.Trim());
        Assert.DoesNotContain("running at", run.Text, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());   // nothing fell back to SQLite
    }

    [Theory]
    [InlineData("--ChangeFeed:PollInterval=00:00:00", "PollInterval")]
    [InlineData("--ChangeFeed:LeaseDuration=00:00:00.5", "LeaseDuration")]
    public async Task Kizuna_ChangeFeedSettingOutOfRange_IsRefusedNamingIt(string setting, string name)
    {
        var run = await KizunaProcess.RunAsync(_folder.FullName, ["serve", setting], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("Configuration refused:", run.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("running at", run.Text, StringComparison.Ordinal);
    }
}
