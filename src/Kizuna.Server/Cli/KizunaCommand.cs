namespace Kizuna.Server.Cli;

/// <summary>
/// The parsed command line: a verb (<c>serve</c> by default, <c>demo</c>, <c>migrate</c>, <c>import</c>), its own
/// arguments, and the host arguments passed through to ASP.NET configuration (<c>--urls</c>, <c>--Storage:Provider=postgres</c>).
/// </summary>
public sealed record KizunaCommand(string Verb, IReadOnlyList<string> Arguments, string[] HostArgs, IReadOnlyDictionary<string, string?> Settings)
{
    public static readonly IReadOnlyList<string> Verbs = ["serve", "demo", "migrate", "import"];

    // Friendly flags mapped to configuration keys; anything else is handed to the host as it is.
    private static readonly Dictionary<string, string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--data"] = "Storage:DataDirectory",
        ["--postgres"] = "Storage:ConnectionString",
        ["--port"] = "Kestrel:Port",
    };

    public static KizunaCommand Parse(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        var arguments = new List<string>();
        var hostArgs = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            var (name, inlineValue) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            if (Flags.TryGetValue(name, out var key))
            {
                var value = inlineValue ?? (i + 1 < rest.Length ? rest[++i] : null);
                settings[key] = value;
                if (key == "Storage:ConnectionString")
                {
                    settings["Storage:Provider"] = "postgres";
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || name is "--urls" or "--environment" or "--contentRoot"))
            {
                hostArgs.Add(arg);
                if (inlineValue is null && i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    hostArgs.Add(rest[++i]);
                }
            }
            else
            {
                arguments.Add(arg);
            }
        }

        DemoCommand.UseDemoDataFolder(verb, settings);
        return new KizunaCommand(verb, arguments, [.. hostArgs], settings);
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> among the verb's own arguments.</summary>
    public string? Option(string name)
    {
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (Arguments[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1 < Arguments.Count ? Arguments[i + 1] : null;
            }

            if (Arguments[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                return Arguments[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    /// <summary>The verb's arguments that are not options.</summary>
    public IReadOnlyList<string> Positional => [.. Arguments.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal)
        && (i == 0 || !Arguments[i - 1].StartsWith("--", StringComparison.Ordinal) || Arguments[i - 1].Contains('=', StringComparison.Ordinal)))];
}
