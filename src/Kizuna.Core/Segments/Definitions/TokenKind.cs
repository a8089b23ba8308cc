namespace Kizuna.Segments.Definitions;

internal enum TokenKind
{
    Name,
    String,
    Number,
    Date,
    Duration,
    Symbol,
    End,
}
