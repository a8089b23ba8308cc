namespace Kizuna.Campaigns.Reports;

/// <summary>
/// The recipients' conversion rate minus the control's, with the 95% interval of the difference and the two-sided
/// p-value of a two-proportion z-test; <paramref name="Summary"/> says it in plain words.
/// </summary>
public sealed record Uplift(
    double RecipientsRate,
    double ControlRate,
    double Difference,
    double Low,
    double High,
    double PValue,
    bool Significant,
    string Summary);
