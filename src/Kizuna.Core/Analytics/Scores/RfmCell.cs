namespace Kizuna.Analytics.Scores;

/// <summary>One cell of the R×F grid: the customers with recency score <paramref name="Recency"/> and frequency score <paramref name="Frequency"/>, and their counted spend.</summary>
public sealed record RfmCell(int Recency, int Frequency, int Customers, IReadOnlyList<CurrencyAmount> Revenue);
