namespace Kizuna.Segments;

/// <summary>An active segment keeps its members current; an archived one keeps its history and no members.</summary>
public enum SegmentStatus
{
    Active,
    Archived,
}
