namespace Kizuna.Analytics.Rfm;

/// <summary>One customer's quintile scores (1–5, 5 best) and their segment.</summary>
public sealed record RfmScore(long ProfileId, int Recency, int Frequency, int Monetary, RfmSegment Segment)
{
    /// <summary>The three scores as one code, "545" for R 5, F 4, M 5.</summary>
    public string Code => $"{Recency}{Frequency}{Monetary}";
}
