using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kizuna.Server.Cli;

/// <summary><c>kizuna help [verb]</c>: the same help as <c>--help</c>, for those who type it as a word.</summary>
public sealed class HelpCommand : ICliCommand
{
    public IReadOnlyList<CliExample> Examples { get; } =
    [
        new("kizuna help", "The verbs and the options of serve"),
        new("kizuna help import", "The options of import, with examples"),
    ];

    public Command Create(CliContext cli)
    {
        var verb = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, Description = "The verb to explain" };
        verb.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && Verbs(result) is { } verbs && !verbs.Contains(token.Value, StringComparer.Ordinal))
            {
                result.AddError($"'{token.Value}' is not a kizuna command. Commands: {string.Join(", ", verbs)}.");
            }
        });

        var command = new Command("help", "Show help for kizuna or one of its verbs") { verb };
        command.SetAction(result =>
        {
            var root = result.RootCommandResult.Command;
            var name = result.GetValue(verb);
            return root.Parse(name is null ? ["--help"] : [name, "--help"]).Invoke(result.InvocationConfiguration);
        });
        return command;
    }

    private static List<string>? Verbs(ArgumentResult result) =>
        result.Parent?.Parent is CommandResult root ? [.. root.Command.Subcommands.Select(c => c.Name)] : null;
}
