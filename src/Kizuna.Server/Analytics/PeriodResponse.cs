using Kizuna.Analytics;

namespace Kizuna.Server.Analytics;

/// <summary>UTC days <c>from</c> to <c>to</c>, both included.</summary>
public sealed record PeriodResponse(DateOnly From, DateOnly To, int Days)
{
    public static PeriodResponse Of(OverviewPeriod period) => new(period.From, period.To, period.Days);
}
