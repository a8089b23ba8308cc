using System.CommandLine;
using System.CommandLine.Invocation;

namespace Kizuna.Server.Cli;

/// <summary>
/// A verb's action: run by <see cref="KizunaCommand.RunAsync"/> on the application Program.cs builds from the
/// accepted command line, not by the parser, which answers only help, version and refused command lines.
/// </summary>
internal sealed class VerbAction(Func<WebApplication, ParseResult, CancellationToken, Task<int>> run, string? dataDirectory) : AsynchronousCommandLineAction
{
    /// <summary>The data folder when neither <c>--data</c> nor <c>--postgres</c> is given; null for the configured one.</summary>
    public string? DataDirectory => dataDirectory;

    public Task<int> RunAsync(WebApplication app, ParseResult result, CancellationToken ct) => run(app, result, ct);

    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A kizuna verb runs on the built application: KizunaCommand.RunAsync.");
}
