namespace Kizuna.Templates.Engine;

/// <summary>
/// The tags of a source in order, with the offset each starts at (its <c>{%</c>, or its name on a line of
/// <c>{% liquid %}</c>): what a syntax error needs to point at the tag that caused it. Quoted text, outputs and the
/// bodies of <c>raw</c>, <c>comment</c> and <c>doc</c> are skipped as Fluid skips them.
/// </summary>
internal static class LiquidTagReader
{
    private static readonly string[] RawBodies = ["raw", "comment", "doc"];

    public static List<(string Name, int Offset)> Read(string source, int end)
    {
        var tags = new List<(string Name, int Offset)>();
        end = Math.Min(end, source.Length);
        var i = 0;
        while (i < end && (i = source.IndexOf('{', i, end - i)) >= 0 && i + 1 < end)
        {
            var start = i;
            switch (source[i + 1])
            {
                case '{':
                    i = SkipPast(source, i + 2, "}}");
                    break;
                case '%':
                    var nameStart = SkipSpace(source, i + 2, end);
                    var name = ReadName(source, nameStart, end);
                    tags.Add((name, start));
                    i = SkipPast(source, nameStart + name.Length, "%}");
                    if (name == "liquid")
                    {
                        ReadLines(source, nameStart + name.Length, Math.Min(i, end), tags);
                    }
                    else if (Array.IndexOf(RawBodies, name) >= 0)
                    {
                        i = SkipRawBody(source, i, "end" + name);
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return tags;
    }

    /// <summary>Each line of a <c>liquid</c> tag is a tag; its offset is where its name starts.</summary>
    private static void ReadLines(string source, int from, int end, List<(string Name, int Offset)> tags)
    {
        for (var line = from; line < end;)
        {
            var nameStart = SkipSpace(source, line, end);
            var name = ReadName(source, nameStart, end);
            if (name.Length > 0)
            {
                tags.Add((name, nameStart));
            }

            var next = source.IndexOf('\n', nameStart, end - nameStart);
            line = next < 0 ? end : next + 1;
        }
    }

    private static int SkipPast(string source, int i, string closer)
    {
        for (; i < source.Length; i++)
        {
            var c = source[i];
            if (c is '"' or '\'')
            {
                var close = source.IndexOf(c, i + 1);
                i = close < 0 ? source.Length : close;
            }
            else if (string.CompareOrdinal(source, i, closer, 0, closer.Length) == 0)
            {
                return i + closer.Length;
            }
        }

        return source.Length;
    }

    private static int SkipRawBody(string source, int i, string endName)
    {
        while ((i = source.IndexOf("{%", i, StringComparison.Ordinal)) >= 0)
        {
            var nameStart = SkipSpace(source, i + 2, source.Length);
            if (ReadName(source, nameStart, source.Length) == endName)
            {
                return i;
            }

            i += 2;
        }

        return source.Length;
    }

    private static int SkipSpace(string source, int i, int end)
    {
        if (i < end && source[i] == '-')
        {
            i++;
        }

        while (i < end && char.IsWhiteSpace(source[i]))
        {
            i++;
        }

        return i;
    }

    private static string ReadName(string source, int i, int end)
    {
        if (i < end && source[i] == '#')
        {
            return "#";
        }

        var to = i;
        while (to < end && (char.IsAsciiLetterOrDigit(source[to]) || source[to] == '_'))
        {
            to++;
        }

        return source[i..to];
    }
}
