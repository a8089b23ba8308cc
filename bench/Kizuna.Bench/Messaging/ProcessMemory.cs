using System.Globalization;

namespace Kizuna.Bench.Messaging;

/// <summary>
/// The process's memory as Linux counts it (<c>/proc/self/status</c>): resident anonymous memory (the managed heap,
/// SQLite's page caches, native buffers) apart from resident file pages (SQLite's memory-mapped database, which the
/// kernel drops under pressure), and the managed heap alone; peaks are sampled.
/// </summary>
public sealed class ProcessMemory
{
    public long PeakAnonMb { get; private set; }

    public long PeakFileMb { get; private set; }

    public long PeakHeapMb { get; private set; }

    public void Sample()
    {
        var status = File.Exists("/proc/self/status") ? File.ReadAllLines("/proc/self/status") : [];
        PeakAnonMb = Math.Max(PeakAnonMb, Kb(status, "RssAnon:") / 1024);
        PeakFileMb = Math.Max(PeakFileMb, Kb(status, "RssFile:") / 1024);
        PeakHeapMb = Math.Max(PeakHeapMb, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"peak anonymous {PeakAnonMb:N0} MB (managed heap {PeakHeapMb:N0} MB), peak mapped files {PeakFileMb:N0} MB");

    private static long Kb(string[] status, string field) =>
        status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;
}
