namespace Kizuna.Segments.Definitions;

/// <summary>A token of the text form with where it starts (1-based line and column).</summary>
internal sealed record Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string keyword) => (Kind == TokenKind.Name || Kind == TokenKind.Symbol) && Text == keyword;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end",
        TokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
