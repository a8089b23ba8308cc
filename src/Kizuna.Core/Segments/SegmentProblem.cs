namespace Kizuna.Segments;

/// <summary>Why a definition or a field is refused: the path of the wrong node (or the field) and the reason.
/// <c>Path</c>: A JSON path into the definition (<c>definition.conditions[1].operator</c>) or a field name.
/// <c>Line</c>: For the text form, the line of the error (1-based).
/// <c>Column</c>: For the text form, the column of the error (1-based).
/// </summary>
public sealed record SegmentProblem(string Path, string Message, int? Line = null, int? Column = null);
