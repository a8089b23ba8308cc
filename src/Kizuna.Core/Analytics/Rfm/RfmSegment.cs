namespace Kizuna.Analytics.Rfm;

/// <summary>The named RFM segments; <see cref="RfmSegments.Name"/> gives the name stored on profiles.</summary>
public enum RfmSegment
{
    Champions,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
}
