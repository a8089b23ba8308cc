using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>Recipients' conversion rate minus the controls', its 95% interval, the z-test's p-value and the verdict in words.</summary>
public sealed record UpliftResponse(double RecipientsRate, double ControlRate, double Difference, double Low, double High, double PValue, bool Significant, string Summary)
{
    public static UpliftResponse? From(Uplift? u) =>
        u is null ? null : new(u.RecipientsRate, u.ControlRate, u.Difference, u.Low, u.High, u.PValue, u.Significant, u.Summary);
}
