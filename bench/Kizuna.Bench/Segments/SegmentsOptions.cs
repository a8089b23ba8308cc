using System.Globalization;

namespace Kizuna.Bench.Segments;

/// <summary>
/// The knobs of W3 (docs/BENCHMARKS.md): <c>--scale 1</c> is 1,000,000 profiles and about 50,000,000 events.
/// With <c>--data</c> the generated stores are kept there (and the PostgreSQL database kept) and reused by the next
/// run of the same size; <c>--clean</c> deletes them at the end.
/// </summary>
public sealed record SegmentsOptions(double Scale, string? Postgres, bool SkipSqlite, bool SkipDuck, string? Folder, int Runs, bool Clean, bool Explain)
{
    public int Profiles => (int)Math.Round(1_000_000 * Scale);

    /// <summary>Whether the stores outlive the run (a <c>--data</c> folder without <c>--clean</c>).</summary>
    public bool Keep => Folder is not null && !Clean;

    public static SegmentsOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new SegmentsOptions(
            Value("--scale") is { } scale ? double.Parse(scale, CultureInfo.InvariantCulture) : 0.1,
            Value("--postgres") ?? Environment.GetEnvironmentVariable("KIZUNA_BENCH_POSTGRES"),
            args.Contains("--no-sqlite"),
            args.Contains("--no-duckdb"),
            Value("--data"),
            Value("--runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : 2,
            args.Contains("--clean"),
            args.Contains("--explain"));
    }
}
