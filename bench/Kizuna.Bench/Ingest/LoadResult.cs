namespace Kizuna.Bench.Ingest;

/// <summary>What one HTTP phase achieved: requests and events acknowledged, the wall time, and acknowledgement latencies.</summary>
public sealed record LoadResult(int Requests, int Events, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
