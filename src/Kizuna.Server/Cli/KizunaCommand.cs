using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Cli;

/// <summary>
/// The parsed command line. Help, version and refused command lines are answered while parsing
/// (<see cref="ExitCode"/> is set, nothing is built); an accepted verb carries the host arguments and settings the
/// application is built with, and runs on it.
/// </summary>
public sealed class KizunaCommand
{
    private readonly ParseResult _result;
    private readonly VerbAction? _verb;
    private readonly TextWriter _error;

    private KizunaCommand(ParseResult result, VerbAction? verb, HostSettings settings, int? exitCode, TextWriter error)
    {
        _result = result;
        _verb = verb;
        _error = error;
        HostArgs = settings.HostArgs;
        Settings = settings.Settings;
        ExitCode = exitCode;
    }

    /// <summary>The verb's name (<c>serve</c> when none was given).</summary>
    public string Verb => _result.CommandResult.Command is RootCommand ? "serve" : _result.CommandResult.Command.Name;

    /// <summary>Set when the command line was answered without the application: help, version, or a usage error.</summary>
    public int? ExitCode { get; }

    /// <summary>Arguments for the ASP.NET host: <c>--urls</c> and every <c>--Section:Key=value</c>.</summary>
    public string[] HostArgs { get; }

    /// <summary>The friendly options as configuration keys; they override appsettings and environment variables.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Parses <paramref name="args"/>, answering help, version and refused command lines on the given writers (the console by default).</summary>
    public static KizunaCommand Parse(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var (commandLine, configuration) = ConfigurationArguments.Split(args);
        var context = new CliContext();
        var result = KizunaCli.CreateRoot(context).Parse(commandLine);
        error ??= Console.Error;
        if (result.Action is VerbAction verb)
        {
            return new KizunaCommand(result, verb, context.Settings(result, configuration, verb.DataDirectory), null, error);
        }

        if (result.Action is ParseErrorAction refused)
        {
            refused.ShowHelp = false;   // the errors, a suggestion and where help is say more than a page of help
        }

        var exitCode = result.Invoke(new InvocationConfiguration { Output = output ?? Console.Out, Error = error });
        if (result.Action is ParseErrorAction)
        {
            var verbName = result.CommandResult.Command is RootCommand ? "" : $" {result.CommandResult.Command.Name}";
            error.WriteLine($"Run 'kizuna{verbName} --help' for usage and examples.");
            exitCode = ExitCodes.Usage;
        }

        return new KizunaCommand(result, null, new HostSettings([], new Dictionary<string, string?>()), exitCode, error);
    }

    /// <summary>
    /// Builds the application from <see cref="HostArgs"/> and <see cref="Settings"/> and runs the verb on it; returns
    /// the exit code. A setting refused while building, starting or running says so plainly and exits 1.
    /// </summary>
    public async Task<int> RunAsync(Func<KizunaCommand, WebApplication> build)
    {
        if (_verb is null)
        {
            return ExitCode ?? ExitCodes.Usage;
        }

        try
        {
            var app = build(this);
            // ValidateOnStart runs when the web host starts; verbs that work on the data without it must refuse bad
            // configuration just the same, before the first connection.
            app.Services.GetService<IStartupValidator>()?.Validate();
            return await _verb.RunAsync(app, _result, app.Lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ConfigurationRefusal.TryReport(ex, _error))
        {
            return ExitCodes.Failure;
        }
    }
}
