namespace Kizuna.Segments.Definitions;

/// <summary>A definition read from JSON or text and validated: the tree when there is no error, else every error.</summary>
public sealed record SegmentParseResult(Condition? Condition, IReadOnlyList<SegmentError> Errors)
{
    public bool IsValid => Condition is not null && Errors.Count == 0;
}
