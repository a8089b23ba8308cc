using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>One channel's engagement events; rates divide by delivered when reported, else by sent (0 when neither).</summary>
public sealed record ChannelResponse(string Channel, long Sent, long Delivered, long Opened, long Clicked, double OpenRate, double ClickRate)
{
    public static ChannelResponse From(ChannelRates c) => new(c.Channel, c.Sent, c.Delivered, c.Opened, c.Clicked, c.OpenRate, c.ClickRate);
}
