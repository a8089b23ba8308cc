namespace Kizuna.Server.Cli;

/// <summary>
/// Takes configuration keys given on the command line (<c>--Logging:Console:FormatterName=json</c>,
/// <c>--Setup:AdminPassword secret</c>) out before the verbs are parsed: they are handed to ASP.NET configuration as
/// they are, so any setting of appsettings.json can be given on the command line without a verb declaring it.
/// </summary>
public static class ConfigurationArguments
{
    // The host's own settings (HostDefaults), which have no colon in their name; the test host passes them too.
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "--environment", "--contentRoot", "--applicationName" };

    /// <summary>Splits <paramref name="args"/> into the verbs' own arguments and the configuration arguments.</summary>
    public static (string[] Command, string[] Configuration) Split(IReadOnlyList<string> args)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        var names = args.Select(a => a.Split('=', 2)[0]).ToList();
        for (var i = 0; i < args.Count; i++)
        {
            var name = names[i];
            if (!IsConfigurationKey(name) && !IsSectionHeader(args[i], names))
            {
                command.Add(args[i]);
                continue;
            }

            configuration.Add(args[i]);
            if (name.Length == args[i].Length && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(args[++i]);
            }
        }

        return ([.. command], [.. configuration]);
    }

    // A flattened configuration names a section with an empty value (--Storage=) before its keys (--Storage:DataDirectory=…);
    // the test host passes its settings that way.
    private static bool IsSectionHeader(string arg, List<string> names) =>
        arg.EndsWith('=') && arg.StartsWith("--", StringComparison.Ordinal)
        && names.Exists(n => n.StartsWith(arg[..^1] + ":", StringComparison.OrdinalIgnoreCase));

    private static bool IsConfigurationKey(string name) =>
        name.StartsWith("--", StringComparison.Ordinal) && name.Length > 2
        && (name.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(name));
}
