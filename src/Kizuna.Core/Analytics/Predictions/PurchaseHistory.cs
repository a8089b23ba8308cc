namespace Kizuna.Analytics.Predictions;

/// <summary>
/// One customer's purchases as the BG/NBD and Gamma-Gamma models read them, in weeks: <paramref name="Frequency"/>
/// is the number of repeat purchases (purchase days after the first, x), <paramref name="Recency"/> the time from the
/// first purchase to the last (t_x), <paramref name="Age"/> the time from the first purchase to the end of the
/// observation (T), and <paramref name="MeanRepeatSpend"/> the mean value of the repeat purchases (0 without any).
/// </summary>
public sealed record PurchaseHistory(long ProfileId, int Frequency, double Recency, double Age, double MeanRepeatSpend);
