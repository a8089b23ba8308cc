using System.CommandLine;

namespace Kizuna.Server.Cli;

/// <summary>
/// One verb of <c>kizuna</c>: its arguments, options, help text, examples and what it does. A new verb is one class
/// implementing this, added to <see cref="KizunaCli.Commands"/>.
/// </summary>
public interface ICliCommand
{
    /// <summary>Command lines shown under "Examples" in the verb's help, each with what it does.</summary>
    IReadOnlyList<CliExample> Examples { get; }

    /// <summary>The verb's command; its action is set with <see cref="CliContext.SetAction"/>.</summary>
    Command Create(CliContext cli);
}
