using System.Globalization;
using Kizuna.Bench.Ingest;

namespace Kizuna.Bench.Journeys;

/// <summary>
/// W5's options. Part A: <c>--journeys N</c> live journeys, <c>--events N</c> triggering events sent at
/// <c>--rate N</c> events/s in requests of <c>--batch N</c> events, after <c>--warmup N</c> others. Part B: <c>--waiting N</c> entries waiting on
/// timers, of which <c>--spread-due N</c> come due evenly over <c>--spread S</c> seconds and then
/// <c>--together-due N</c> at one instant. <c>--postgres CS</c> (a server the bench may create a database on),
/// <c>--servers N</c> (server processes on PostgreSQL), <c>--no-sqlite</c>, <c>--part a|b</c> and <c>--server DLL</c>.
/// </summary>
public sealed record JourneyBenchOptions(
    string ServerDll,
    int Journeys = 100,
    int Events = 30_000,
    int Rate = 1_000,
    int Batch = 10,
    int Waiting = 1_000_000,
    int SpreadDue = 60_000,
    int Spread = 60,
    int TogetherDue = 100_000,
    string? Postgres = null,
    int Servers = 2,
    bool SkipSqlite = false,
    string Parts = "ab",
    int Warmup = 40_000)
{
    public bool PartA => Parts.Contains('a', StringComparison.Ordinal);

    public bool PartB => Parts.Contains('b', StringComparison.Ordinal);

    public static JourneyBenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new JourneyBenchOptions(
            Value("--server") ?? IngestOptions.Parse([]).ServerDll,
            Number("--journeys", 100),
            Number("--events", 30_000),
            Number("--rate", 1_000),
            Number("--batch", 10),
            Number("--waiting", 1_000_000),
            Number("--spread-due", 60_000),
            Number("--spread", 60),
            Number("--together-due", 100_000),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("KIZUNA_BENCH_POSTGRES"),
            Number("--servers", 2),
            args.Contains("--no-sqlite"),
            Value("--part") ?? "ab",
            Number("--warmup", 40_000));
    }
}
