namespace Kizuna.Server.Cli;

/// <summary>What an accepted command line gives the application as it is built: host arguments and settings.</summary>
public sealed record HostSettings(string[] HostArgs, IReadOnlyDictionary<string, string?> Settings);
