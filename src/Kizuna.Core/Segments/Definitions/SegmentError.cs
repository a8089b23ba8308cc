namespace Kizuna.Segments.Definitions;

/// <summary>
/// One thing wrong with a definition: the JSON path of the node (<c>$.conditions[1].count</c>) and why; for the text
/// form also the line and column (1-based) where it was found.
/// </summary>
public sealed record SegmentError(string Path, string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is { } line ? $"{line}:{Column}: {Message}" : $"{Path}: {Message}";
}
