using System.Globalization;
using System.Text;

namespace Kizuna.Segments.Definitions;

/// <summary>Splits the text form into tokens: names (any letters, Japanese included), strings, numbers, dates, durations, symbols.</summary>
internal sealed class SegmentLexer(string text)
{
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public List<Token> Tokens()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipSpace();
            var (line, column) = (_line, _pos - _lineStart + 1);
            if (_pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", line, column));
                return tokens;
            }

            var c = text[_pos];
            tokens.Add(c switch
            {
                '"' => new Token(TokenKind.String, ReadString(line, column), line, column),
                _ when char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1])) => ReadNumber(line, column),
                _ when IsNameChar(c) => new Token(TokenKind.Name, ReadWhile(IsNameChar), line, column),
                _ => ReadSymbol(line, column),
            });
        }
    }

    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            if (text[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }

            _pos++;
        }
    }

    private string ReadWhile(Func<char, bool> accept)
    {
        var start = _pos;
        while (_pos < text.Length && accept(text[_pos]))
        {
            _pos++;
        }

        return text[start.._pos];
    }

    private Token ReadNumber(int line, int column)
    {
        var start = _pos;
        _pos++;
        ReadWhile(char.IsAsciiDigit);
        if (_pos - start == 4 && text[start] != '-' && _pos + 5 < text.Length + 1 && At('-') && Digits(_pos + 1, 2) && At('-', 3) && Digits(_pos + 4, 2))
        {
            _pos += 6;
            return new Token(TokenKind.Date, text[start.._pos], line, column);
        }

        if (At('.') && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]))
        {
            _pos++;
            ReadWhile(char.IsAsciiDigit);
        }
        else if (At('d') && (_pos + 1 >= text.Length || !IsNameChar(text[_pos + 1])))
        {
            _pos++;
            return new Token(TokenKind.Duration, text[start..(_pos - 1)], line, column);
        }

        return new Token(TokenKind.Number, text[start.._pos], line, column);
    }

    private bool At(char c, int ahead = 0) => _pos + ahead < text.Length && text[_pos + ahead] == c;

    private bool Digits(int from, int count) => from + count <= text.Length && text.AsSpan(from, count).ContainsAnyExceptInRange('0', '9') is false;

    private string ReadString(int line, int column)
    {
        var value = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= text.Length || text[_pos] == '\n')
            {
                throw new SegmentSyntaxException("a string is not closed with \"", line, column);
            }

            var c = text[_pos++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var escape = _pos < text.Length ? text[_pos++] : ' ';
            value.Append(escape switch
            {
                '"' => "\"",
                '\\' => "\\",
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'u' when _pos + 4 <= text.Length && int.TryParse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) =>
                    ((char)code).ToString(),
                _ => throw new SegmentSyntaxException($"unknown escape \\{escape} in a string", _line, _pos - _lineStart),
            });
            if (escape == 'u')
            {
                _pos += 4;
            }
        }
    }

    private Token ReadSymbol(int line, int column)
    {
        foreach (var symbol in (ReadOnlySpan<string>)["!=", ">=", "<=", "=", ">", "<", "(", ")", "[", "]", ",", ".", ":"])
        {
            if (string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) == 0)
            {
                _pos += symbol.Length;
                return new Token(TokenKind.Symbol, symbol, line, column);
            }
        }

        throw new SegmentSyntaxException($"unexpected character '{text[_pos]}'", line, column);
    }
}
