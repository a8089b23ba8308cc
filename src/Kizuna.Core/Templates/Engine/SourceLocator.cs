namespace Kizuna.Templates.Engine;

/// <summary>
/// Turns offsets and hints into 1-based line and column. Fluid's statements keep no source positions, so a render
/// error is located at the first place its hint (a filter, tag or variable name) appears in the source.
/// </summary>
internal static class SourceLocator
{
    public static (int Line, int Column) FromOffset(string source, int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    public static (int Line, int Column) FromHint(string source, string? hint)
    {
        if (string.IsNullOrEmpty(hint))
        {
            return (1, 1);
        }

        var index = source.IndexOf(hint, StringComparison.Ordinal);
        if (index < 0 && hint.StartsWith('|'))
        {
            index = source.IndexOf(hint[1..].Trim(), StringComparison.Ordinal);
        }

        return index < 0 ? (1, 1) : FromOffset(source, index);
    }
}
