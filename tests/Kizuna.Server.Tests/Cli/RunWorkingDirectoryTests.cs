using System.Diagnostics;
using System.Text.Json;
using Kizuna.Server;

namespace Kizuna.Cli;

/// <summary>
/// <c>dotnet run --project src/Kizuna.Server -- import orders.csv --mapping docs/…</c>, as the README writes it, reads
/// its relative paths (files, <c>--data</c>) from the folder the command was typed in, not the project's folder.
/// </summary>
public sealed class RunWorkingDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kizuna-run-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task DotnetRun_StartsInTheFolderItWasTypedIn()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "Kizuna.Server", "Kizuna.Server.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, WorkingDirectory = _folder.FullName };
        foreach (var argument in new[] { "msbuild", project, "-getProperty:RunWorkingDirectory", "-getProperty:MSBuildStartupDirectory" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        var properties = JsonDocument.Parse(output).RootElement.GetProperty("Properties");
        var typedIn = properties.GetProperty("MSBuildStartupDirectory").GetString()!;
        Assert.Equal(Path.TrimEndingDirectorySeparator(typedIn), Path.TrimEndingDirectorySeparator(properties.GetProperty("RunWorkingDirectory").GetString()!));
        Assert.Equal(Path.GetFullPath(_folder.FullName), Path.GetFullPath(typedIn));
    }
}
