using System.Text.Json;

namespace Kizuna.Templates;

/// <summary>
/// Reads <c>shared/conformance/golden_liquid.json</c> in place, from the folder that holds the repository, and the
/// checked-in list of cases known to fail.
/// </summary>
public static class GoldenLiquidSuite
{
    public const string KnownFailuresFile = "golden-liquid-known-failures.tsv";

    public static string? FindSuiteFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "golden_liquid.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string FindKnownFailuresFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kizuna.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Kizuna.Core.Tests", "Templates", KnownFailuresFile);
            }
        }

        throw new InvalidOperationException("The repository root (Kizuna.slnx) was not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<GoldenLiquidCase> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<GoldenLiquidCase>();
        foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
        {
            cases.Add(new GoldenLiquidCase(
                test.GetProperty("name").GetString()!,
                test.GetProperty("template").GetString()!,
                test.TryGetProperty("data", out var data) ? data.Clone() : default,
                test.TryGetProperty("result", out var result) ? result.GetString() : null,
                test.TryGetProperty("results", out var results) ? [.. results.EnumerateArray().Select(r => r.GetString()!)] : [],
                test.TryGetProperty("invalid", out var invalid) && invalid.GetBoolean(),
                test.TryGetProperty("templates", out var partials)
                    ? partials.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
                    : new Dictionary<string, string>(),
                test.TryGetProperty("tags", out var tags) ? [.. tags.EnumerateArray().Select(t => t.GetString()!)] : []));
        }

        return cases;
    }

    /// <summary>Known failures: one line per case, <c>name TAB category TAB reason</c>; <c>#</c> starts a comment.</summary>
    public static IReadOnlyDictionary<string, string> LoadKnownFailures(string path) =>
        File.Exists(path)
            ? File.ReadLines(path)
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('\t'))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>();
}
