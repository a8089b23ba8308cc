using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>Pages per session, sessions per customer, conversion, and each channel's open and click rates.</summary>
public sealed record EngagementResponse(
    long PageViews, long Sessions, long ActiveCustomers, long BuyingCustomers, double PagesPerSession,
    double SessionsPerCustomer, double ConversionRate, ChannelResponse Email, ChannelResponse Sms, ChannelResponse Push)
{
    public static EngagementResponse From(EngagementMetrics e) => new(
        e.PageViews, e.Sessions, e.ActiveCustomers, e.BuyingCustomers, e.PagesPerSession, e.SessionsPerCustomer,
        e.ConversionRate, ChannelResponse.From(e.Email), ChannelResponse.From(e.Sms), ChannelResponse.From(e.Push));
}
