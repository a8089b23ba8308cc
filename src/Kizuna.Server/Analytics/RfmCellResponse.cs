namespace Kizuna.Server.Analytics;

/// <summary>One R×F cell: customers with these recency and frequency scores, and their counted spend per currency.</summary>
public sealed record RfmCellResponse(int Recency, int Frequency, int Customers, IReadOnlyList<CurrencyAmountResponse> Revenue);
