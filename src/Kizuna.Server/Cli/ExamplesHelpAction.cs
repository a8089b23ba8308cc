using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Kizuna.Server.Cli;

/// <summary>The standard help, followed by the verb's examples.</summary>
internal sealed class ExamplesHelpAction(HelpAction help, IReadOnlyDictionary<Command, IReadOnlyList<CliExample>> examples) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = help.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var list) && list.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in list)
            {
                output.WriteLine($"  {example.CommandLine}");
                output.WriteLine($"      {example.Description}");
            }

            output.WriteLine();
        }

        return exitCode;
    }
}
