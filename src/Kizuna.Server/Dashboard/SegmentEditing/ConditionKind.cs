namespace Kizuna.Server.Dashboard.SegmentEditing;

/// <summary>What a row of the visual segment editor tests, as the marketer picks it.</summary>
public enum ConditionKind
{
    Trait,
    Performed,
    NotPerformed,
    FirstPerformed,
    LastPerformed,
    Commerce,
    Bought,
    Refunded,
    Value,
    InSegment,
    Bucket,
    Profile,
}
