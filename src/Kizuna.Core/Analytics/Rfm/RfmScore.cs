namespace Kizuna.Analytics.Rfm;

/// <summary>One customer's quintile scores (1–5, 5 best) and their segment.</summary>
public sealed record RfmScore(long ProfileId, int Recency, int Frequency, int Monetary, RfmSegment Segment)
{
    private static readonly string[] Codes = [.. Enumerable.Range(0, 125).Select(i => $"{i / 25 + 1}{i / 5 % 5 + 1}{i % 5 + 1}")];

    /// <summary>The three scores as one code, "545" for R 5, F 4, M 5 (one string per code, not one per customer).</summary>
    public string Code => Recency is >= 1 and <= 5 && Frequency is >= 1 and <= 5 && Monetary is >= 1 and <= 5
        ? Codes[(Recency - 1) * 25 + (Frequency - 1) * 5 + Monetary - 1]
        : $"{Recency}{Frequency}{Monetary}";
}
