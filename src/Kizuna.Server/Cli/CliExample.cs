namespace Kizuna.Server.Cli;

/// <summary>A command line as help shows it, with the one line that says what it does.</summary>
public sealed record CliExample(string CommandLine, string Description);
