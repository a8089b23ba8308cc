using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kizuna.Server;

/// <summary>
/// The built <c>kizuna</c> server running as its own OS process on a loopback port, so a test can kill it
/// the hard way and start it again on the same data folder.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server printed last, for a failure message.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <summary>Starts <c>dotnet kizuna.dll serve</c> on SQLite in <paramref name="dataFolder"/> and waits until /health answers.</summary>
    public static Task<ServerProcess> StartAsync(string dataFolder, CancellationToken ct) => StartAsync(["--data", dataFolder], [], ct);

    /// <summary>The same, with <c>--Section:Key=value</c> <paramref name="settings"/> added to the command line.</summary>
    public static Task<ServerProcess> StartAsync(string dataFolder, IReadOnlyList<string> settings, CancellationToken ct) => StartAsync(["--data", dataFolder], settings, ct);

    /// <summary>
    /// Starts <c>dotnet kizuna.dll serve</c> on the store named by <paramref name="storageArguments"/> (<c>--data
    /// folder</c> or <c>--postgres connection-string</c>, see <see cref="ServerStore"/>) with extra settings
    /// (<c>--Section:Key=value</c>), and waits until /health answers. Several may share one PostgreSQL store.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> storageArguments, IReadOnlyList<string> settings, CancellationToken ct)
    {
        var port = FreePort();
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "kizuna.dll"), "serve" }
            .Concat(storageArguments)
            .Concat(["--urls", address.ToString().TrimEnd('/'), $"--Setup:AdminPassword={KizunaApplication.AdminPassword}", "--Logging:LogLevel:Default=Warning"])
            .Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(ct);
        return server;
    }

    /// <summary>Ends the process at once, as a power cut or <c>kill -9</c> would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kizuna exited with {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative), ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening, but too busy starting up to answer within the client's timeout: ask again.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"kizuna did not become healthy within a minute:\n{RecentOutput}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
