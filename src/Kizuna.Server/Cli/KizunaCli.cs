using System.CommandLine;
using System.CommandLine.Help;

namespace Kizuna.Server.Cli;

/// <summary>The <c>kizuna</c> command line: its verbs, help, version and exit codes.</summary>
public static class KizunaCli
{
    /// <summary>Every verb of <c>kizuna</c>, in the order help lists them.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
        [new ServeCommand(), new DemoCommand(), new MigrateCommand(), new ImportCommand(), new SegmentCommand(), new CampaignCommand(), new AnalyzeCommand(), new HelpCommand()];

    private static readonly IReadOnlyList<CliExample> RootExamples =
    [
        new("kizuna demo", "Try it: a demo shop, served at http://localhost:5000"),
        new("kizuna --data ./data --port 8080", "Serve (the default verb) on SQLite in ./data"),
        new("kizuna import orders.csv --mapping orders.mapping.json", "Import a CSV file"),
        new("kizuna help import", "Help for one verb (or: kizuna import --help)"),
    ];

    /// <summary>The root command with every verb; <c>kizuna</c> without a verb serves.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand(
            "Kizuna, the customer engagement platform. Without a verb, kizuna serves. Any configuration key of "
            + "appsettings.json can also be given as --Section:Key=value (e.g. --Logging:LogLevel:Default=Warning).");
        var examples = new Dictionary<Command, IReadOnlyList<CliExample>> { [root] = RootExamples };
        foreach (var verb in Commands)
        {
            var command = verb.Create(context);
            root.Subcommands.Add(command);
            examples[command] = verb.Examples;
        }

        ServeCommand.Configure(root, context);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, examples);
        return root;
    }
}
