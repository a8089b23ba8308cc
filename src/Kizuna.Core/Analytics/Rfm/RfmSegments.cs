namespace Kizuna.Analytics.Rfm;

/// <summary>
/// The common R×FM grid: the recency score against FM, the mean of the frequency and monetary scores rounded half
/// up ((F + M + 1) / 2 in integers). Every one of the 25 cells names exactly one segment:
/// <code>
///  R\FM   1               2                3                  4                5
///   5     New             Potential Loy.   Potential Loy.     Champions        Champions
///   4     Promising       Potential Loy.   Potential Loy.     Loyal            Loyal
///   3     About to Sleep  About to Sleep   Need Attention     Loyal            Loyal
///   2     Hibernating     Hibernating      At Risk            At Risk          Can't Lose Them
///   1     Lost            Hibernating      At Risk            At Risk          Can't Lose Them
/// </code>
/// </summary>
public static class RfmSegments
{
    private static readonly RfmSegment[,] Grid =
    {
        // FM:  1                          2                              3                              4                        5
        { RfmSegment.Lost,         RfmSegment.Hibernating,       RfmSegment.AtRisk,            RfmSegment.AtRisk,   RfmSegment.CantLoseThem }, // R 1
        { RfmSegment.Hibernating,  RfmSegment.Hibernating,       RfmSegment.AtRisk,            RfmSegment.AtRisk,   RfmSegment.CantLoseThem }, // R 2
        { RfmSegment.AboutToSleep, RfmSegment.AboutToSleep,      RfmSegment.NeedAttention,     RfmSegment.Loyal,    RfmSegment.Loyal },        // R 3
        { RfmSegment.Promising,    RfmSegment.PotentialLoyalist, RfmSegment.PotentialLoyalist, RfmSegment.Loyal,    RfmSegment.Loyal },        // R 4
        { RfmSegment.New,          RfmSegment.PotentialLoyalist, RfmSegment.PotentialLoyalist, RfmSegment.Champions, RfmSegment.Champions },   // R 5
    };

    /// <summary>Every segment, in the order reports list them (best first).</summary>
    public static IReadOnlyList<RfmSegment> All { get; } = Enum.GetValues<RfmSegment>();

    /// <summary>FM: the mean of F and M rounded half up.</summary>
    public static int Fm(int frequency, int monetary) => (frequency + monetary + 1) / 2;

    public static RfmSegment Of(int recency, int frequency, int monetary) => Grid[recency - 1, Fm(frequency, monetary) - 1];

    /// <summary>The name stored in <c>customer_scores</c> and shown to users.</summary>
    public static string Name(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => "Champions",
        RfmSegment.Loyal => "Loyal",
        RfmSegment.PotentialLoyalist => "Potential Loyalist",
        RfmSegment.New => "New",
        RfmSegment.Promising => "Promising",
        RfmSegment.NeedAttention => "Need Attention",
        RfmSegment.AboutToSleep => "About to Sleep",
        RfmSegment.AtRisk => "At Risk",
        RfmSegment.CantLoseThem => "Can't Lose Them",
        RfmSegment.Hibernating => "Hibernating",
        _ => "Lost",
    };

    /// <summary>The segment a stored name stands for, or null.</summary>
    public static RfmSegment? Parse(string? name) => All.Cast<RfmSegment?>().FirstOrDefault(s => Name(s!.Value) == name);
}
