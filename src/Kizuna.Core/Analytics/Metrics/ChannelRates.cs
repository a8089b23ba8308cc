namespace Kizuna.Analytics.Metrics;

/// <summary>
/// One messaging channel's engagement events over a period. Rates divide by <see cref="Delivered"/> when delivery is
/// reported, else by <see cref="Sent"/>; 0 while nothing was sent (before messaging writes its events back).
/// </summary>
public sealed record ChannelRates(string Channel, long Sent, long Delivered, long Opened, long Clicked)
{
    public long Reached => Delivered > 0 ? Delivered : Sent;

    public double OpenRate => Reached == 0 ? 0 : (double)Opened / Reached;

    public double ClickRate => Reached == 0 ? 0 : (double)Clicked / Reached;
}
