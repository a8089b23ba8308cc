namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Site and message engagement over a period: page views per session, sessions per active customer, the share of
/// active customers who ordered (conversion), and open and click rates per channel. Every rate is 0 when its
/// denominator is.
/// </summary>
public sealed record EngagementMetrics(
    long PageViews,
    long Sessions,
    long ActiveCustomers,
    long BuyingCustomers,
    double PagesPerSession,
    double SessionsPerCustomer,
    double ConversionRate,
    ChannelRates Email,
    ChannelRates Sms,
    ChannelRates Push);
