using System.Globalization;

namespace Kizuna.Bench.Messaging;

/// <summary>
/// The process's memory as Linux counts it (<c>/proc/self/status</c>): resident anonymous memory (the managed heap,
/// SQLite's page caches, native buffers) apart from resident file pages (SQLite's memory-mapped database, which the
/// kernel drops under pressure), and the managed heap alone; peaks are sampled. Given a process id, the same for
/// that process (a server child), with the kernel's own peak resident set (<c>VmHWM</c>) and no managed heap.
/// </summary>
public sealed class ProcessMemory(int? processId = null)
{
    private readonly string _status = processId is { } id ? $"/proc/{id}/status" : "/proc/self/status";

    public long PeakResidentMb { get; private set; }

    public long PeakAnonMb { get; private set; }

    public long PeakFileMb { get; private set; }

    public long PeakHeapMb { get; private set; }

    public void Sample()
    {
        string[] status;
        try
        {
            status = File.ReadAllLines(_status);
        }
        catch (IOException)
        {
            return;   // no /proc, or the process has ended
        }

        PeakResidentMb = Math.Max(PeakResidentMb, Kb(status, "VmHWM:") / 1024);
        PeakAnonMb = Math.Max(PeakAnonMb, Kb(status, "RssAnon:") / 1024);
        PeakFileMb = Math.Max(PeakFileMb, Kb(status, "RssFile:") / 1024);
        if (processId is null)
        {
            PeakHeapMb = Math.Max(PeakHeapMb, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576);
        }
    }

    public override string ToString() => processId is null
        ? string.Create(CultureInfo.InvariantCulture, $"peak anonymous {PeakAnonMb:N0} MB (managed heap {PeakHeapMb:N0} MB), peak mapped files {PeakFileMb:N0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"peak resident {PeakResidentMb:N0} MB, peak anonymous {PeakAnonMb:N0} MB, peak mapped files {PeakFileMb:N0} MB");

    private static long Kb(string[] status, string field) =>
        status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;
}
