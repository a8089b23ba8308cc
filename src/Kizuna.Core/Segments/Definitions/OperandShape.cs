namespace Kizuna.Segments.Definitions;

/// <summary>How many operands an operator takes and of which kind.</summary>
public enum OperandShape
{
    None,
    One,
    List,
    Two,
    Days,
}
