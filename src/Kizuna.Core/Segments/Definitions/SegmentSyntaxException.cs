namespace Kizuna.Segments.Definitions;

/// <summary>A syntax error of the text form at a line and column.</summary>
public sealed class SegmentSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
