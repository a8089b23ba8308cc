using System.Globalization;
using Kizuna.Bench.Ingest;

namespace Kizuna.Bench.Campaigns;

/// <summary>
/// W4c's options: <c>--recipients N</c>, <c>--pause-at F</c> and <c>--cancel-at F</c> (the share of the audience at
/// the sink when the first campaign is paused and the second cancelled), <c>--hold S</c> (seconds the pause and the
/// cancel are watched: past the minute a paused message waits before it is checked again), <c>--pool</c>,
/// <c>--batch</c>, <c>--part</c> as W4, <c>--postgres CS</c> (a server the bench may create a database on),
/// <c>--servers N</c> (server processes on PostgreSQL), <c>--no-sqlite</c>, <c>--no-pause</c> (the cancelled campaign
/// alone, without the paused one sent to the whole audience and the raw blast) and <c>--server DLL</c>.
/// </summary>
public sealed record CampaignBenchOptions(
    string ServerDll,
    int Recipients = 100_000,
    double PauseAt = 0.3,
    double CancelAt = 0.2,
    int Hold = 75,
    int Pool = 8,
    int Batch = 500,
    int Part = 100,
    string? Postgres = null,
    int Servers = 2,
    bool SkipSqlite = false,
    bool SkipPause = false)
{
    public static CampaignBenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Share(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new CampaignBenchOptions(
            Value("--server") ?? IngestOptions.Parse([]).ServerDll,
            Number("--recipients", 100_000),
            Share("--pause-at", 0.3),
            Share("--cancel-at", 0.2),
            Number("--hold", 75),
            Number("--pool", 8),
            Number("--batch", 500),
            Number("--part", 100),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("KIZUNA_BENCH_POSTGRES"),
            Number("--servers", 2),
            args.Contains("--no-sqlite"),
            args.Contains("--no-pause"));
    }
}
