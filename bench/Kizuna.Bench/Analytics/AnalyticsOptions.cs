using System.Globalization;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// The knobs of W7 (docs/BENCHMARKS.md): the Online Retail file (found above the working folder when not given),
/// the runs per suite, the Python that has pandas, and the synthetic store's scale (1 = 1,000,000 customers and
/// 10,000,000 orders; 0 skips it), the folder it is kept in between runs, and whether its dashboard reads are
/// timed after the refreshes (<c>--no-reads</c>: the refreshes alone; <c>--no-refresh</c>: the reads alone).
/// </summary>
public sealed record AnalyticsOptions(string? File, int Runs, string Python, double Scale, bool SkipRetail, string Data, bool SkipReads = false, bool SkipRefresh = false)
{
    public static AnalyticsOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new AnalyticsOptions(
            Value("--file") ?? FindRetailFile(),
            Value("--runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : 5,
            Value("--python") ?? "/usr/bin/python3",
            Value("--scale") is { } scale ? double.Parse(scale, CultureInfo.InvariantCulture) : 0.1,
            args.Contains("--no-retail"),
            Value("--data") ?? Path.Combine(Path.GetTempPath(), "kizuna-w7-synthetic"),
            args.Contains("--no-reads"),
            args.Contains("--no-refresh"));
    }

    private static string? FindRetailFile()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "online_retail.csv");
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
