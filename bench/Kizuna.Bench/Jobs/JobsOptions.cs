using System.Globalization;

namespace Kizuna.Bench.Jobs;

/// <summary>The knobs of W6 (docs/BENCHMARKS.md); the defaults fit the 2-core reference machine.</summary>
public sealed record JobsOptions(int Jobs, int Batch, string? Postgres, bool SkipSqlite)
{
    public static JobsOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new JobsOptions(
            Number("--jobs", 200_000),
            Number("--batch", 500),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("KIZUNA_BENCH_POSTGRES"),
            args.Contains("--no-sqlite"));
    }
}
