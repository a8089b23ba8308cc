using System.Diagnostics;

namespace Kizuna.Cli;

/// <summary>Runs the built <c>kizuna</c> as a person would, in a folder of the test's choosing, and keeps what it printed.</summary>
public sealed record KizunaProcess(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, as a person reading the terminal sees them (output first).</summary>
    public string Text => Output + Error;

    /// <summary>Starts <c>dotnet kizuna.dll</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> and waits (a minute at most) for it to end.</summary>
    public static async Task<KizunaProcess> RunAsync(string workingDirectory, IReadOnlyList<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kizuna.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        // A narrow console would wrap the import report's cells; the tests read them whole.
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromMinutes(1), ct);
        }
        finally
        {
            process.Kill(entireProcessTree: true);   // a verb that wrongly started a server must not outlive the test
        }

        return new KizunaProcess(process.ExitCode, await output, await error);
    }
}
