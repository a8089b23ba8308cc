using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kizuna.Cli;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_AddressAlreadyTaken_EndsSayingWhichAndWhatToDo()
    {
        var ct = TestContext.Current.CancellationToken;
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("kizuna-serve-");
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "kizuna.dll"), "serve", "--data", data.FullName, "--urls", $"http://127.0.0.1:{port}" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            _ = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
            }
            finally
            {
                process.Kill(entireProcessTree: true);   // a server that did start must not outlive the test
            }

            // The host's own log keeps the exception for operators; the output ends telling a person what happened.
            var text = string.Join(' ', (await output).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(1, process.ExitCode);
            Assert.EndsWith($"127.0.0.1:{port}: address already in use. Stop what holds it, or choose another: --port <port> or --urls <address>", text, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
