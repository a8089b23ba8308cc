namespace Kizuna.Bench.Ingest;

/// <summary>Raw insert rates of the two statement shapes; the faster one is the baseline W1 is held to.</summary>
public sealed record RawInsertResult(double MultiRowPerSecond, double SingleRowPerSecond)
{
    public double BestPerSecond => Math.Max(MultiRowPerSecond, SingleRowPerSecond);
}
