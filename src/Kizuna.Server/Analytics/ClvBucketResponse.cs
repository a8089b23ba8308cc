namespace Kizuna.Server.Analytics;

/// <summary>Customers whose predicted CLV is at least <paramref name="From"/> and below <paramref name="To"/>, and their CLV in total.</summary>
public sealed record ClvBucketResponse(decimal From, decimal? To, int Customers, decimal Total);
