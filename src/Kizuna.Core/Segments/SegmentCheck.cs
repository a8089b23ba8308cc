using Kizuna.Segments.Definitions;

namespace Kizuna.Segments;

/// <summary>
/// A definition read and checked: the tree with its stored JSON and its text form when it is valid, else the problems
/// (each naming the node's path, and for the text form the line and column).
/// </summary>
public sealed record SegmentCheck(Condition? Tree, string? Json, string? Text, IReadOnlyList<SegmentError> Problems)
{
    public bool IsValid => Tree is not null && Problems.Count == 0;

    public static SegmentCheck Invalid(params SegmentError[] problems) => new(null, null, null, problems);
}
