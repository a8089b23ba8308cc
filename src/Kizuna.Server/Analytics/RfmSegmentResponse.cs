namespace Kizuna.Server.Analytics;

/// <summary>One named segment: its customers and their counted spend per currency.</summary>
public sealed record RfmSegmentResponse(string Segment, int Customers, IReadOnlyList<CurrencyAmountResponse> Revenue);
