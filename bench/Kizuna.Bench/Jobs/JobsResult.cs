namespace Kizuna.Bench.Jobs;

/// <summary>One run of a workload: the time to enqueue every job, then to claim and complete them all.</summary>
public sealed record JobsResult(int Jobs, TimeSpan Enqueue, TimeSpan ClaimComplete)
{
    public double PerSecond => Jobs / (Enqueue + ClaimComplete).TotalSeconds;

    public double EnqueuePerSecond => Jobs / Enqueue.TotalSeconds;

    public double ClaimCompletePerSecond => Jobs / ClaimComplete.TotalSeconds;
}
