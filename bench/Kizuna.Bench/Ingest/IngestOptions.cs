using System.Globalization;

namespace Kizuna.Bench.Ingest;

/// <summary>The knobs of W1; every one has a default that fits the 2-core reference machine.</summary>
public sealed record IngestOptions(
    string ServerDll,
    int Events,
    int Singles,
    int Connections,
    int Profiles,
    int ActiveVisitors,
    string? Postgres,
    bool SkipSqlite,
    int Rate,
    int Warmup)
{
    public const int BatchSize = 100;

    public static IngestOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new IngestOptions(
            Value("--server") ?? Path.Combine(RepositoryRoot(), "src", "Kizuna.Server", "bin", "Release", "net10.0", "kizuna.dll"),
            Number("--events", 300_000),
            Number("--singles", 30_000),
            Number("--connections", 128),
            Number("--profiles", 100_000),
            Number("--active", 2_000),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("KIZUNA_BENCH_POSTGRES"),
            args.Contains("--no-sqlite"),
            Number("--rate", 20_000),
            Number("--warmup", 50_000));
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Kizuna.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
