using System.CommandLine;
using System.Globalization;

namespace Kizuna.Server.Cli;

/// <summary>What the verbs share: the options of the verbs that open the database or serve, and how a verb's action is set.</summary>
public sealed class CliContext
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The folder that holds the SQLite database (Storage:DataDirectory; default: data)",
        HelpName = "dir",
    };

    public Option<string> Postgres { get; } = new("--postgres")
    {
        Description = "Store in PostgreSQL instead of SQLite (Storage:ConnectionString)",
        HelpName = "connection-string",
    };

    public Option<int?> Port { get; } = NumberOption.Create("--port", "port", 1, 65_535, "Listen on http://localhost:<port> (default: 5000)");

    public Option<string> Urls { get; } = new("--urls")
    {
        Description = "The addresses to listen on, separated by ';' (e.g. http://0.0.0.0:8080); wins over --port",
        HelpName = "addresses",
    };

    /// <summary>Adds <c>--data</c> and <c>--postgres</c>.</summary>
    public void AddStorageOptions(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    /// <summary>Adds the storage options and <c>--port</c> and <c>--urls</c>, for verbs that serve HTTP.</summary>
    public void AddServerOptions(Command command)
    {
        AddStorageOptions(command);
        command.Options.Add(Port);
        command.Options.Add(Urls);
    }

    /// <summary>
    /// Makes <paramref name="run"/> the action of <paramref name="command"/>. It runs on the application
    /// Program.cs builds, so only after the command line is accepted; help and version never build it. Without
    /// <c>--data</c> or <c>--postgres</c>, <paramref name="dataDirectory"/> (when given) is the data folder.
    /// </summary>
    public static void SetAction(Command command, Func<WebApplication, ParseResult, CancellationToken, Task<int>> run, string? dataDirectory = null) =>
        command.Action = new VerbAction(run, dataDirectory);

    /// <summary>The host arguments and settings of an accepted command line, with the configuration arguments taken out before it was parsed.</summary>
    public HostSettings Settings(ParseResult result, IReadOnlyList<string> configuration, string? dataDirectory)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>(configuration);
        if (result.GetValue(Data) is { } data)
        {
            settings["Storage:DataDirectory"] = data;
        }

        if (result.GetValue(Postgres) is { } postgres)
        {
            settings["Storage:Provider"] = "postgres";
            settings["Storage:ConnectionString"] = postgres;
        }
        else if (dataDirectory is not null && !settings.ContainsKey("Storage:DataDirectory"))
        {
            settings["Storage:DataDirectory"] = dataDirectory;
        }

        if (result.GetValue(Port) is { } port)
        {
            settings["Kestrel:Port"] = port.ToString(CultureInfo.InvariantCulture);
        }

        if (result.GetValue(Urls) is { } urls)
        {
            hostArgs.Add($"--urls={urls}");
        }

        return new HostSettings([.. hostArgs], settings);
    }
}
