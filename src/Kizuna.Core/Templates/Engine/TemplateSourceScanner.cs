using System.Globalization;

namespace Kizuna.Templates.Engine;

/// <summary>
/// A linear pass over the source before Fluid parses it. Fluid's parser, the sandbox rewrite and the render all
/// recurse once per nested block, filter or bracket, and a stack overflow ends the process, so a template that
/// nests too deeply is refused here with its line and column, without building anything.
/// </summary>
/// <remarks>
/// Quoted strings are skipped the way Fluid's parser reads them (a <c>|</c> or <c>%}</c> inside quotes counts for
/// nothing), as are the bodies of <c>raw</c>, <c>comment</c> and <c>doc</c> and <c>#</c> comments. Inside
/// <c>{% liquid %}</c> each line is a tag. The URL of <c>connected_content</c> is text that Fluid parses as a template
/// of its own, so it is scanned as one, from the tag name to where Fluid ends the tag (the first <c>%}</c>, quotes or
/// not; in <c>{% liquid %}</c> also the line end).
/// </remarks>
internal sealed class TemplateSourceScanner
{
    /// <summary>Filters one output or tag may chain; Fluid evaluates a chain recursively.</summary>
    public const int MaxFilters = 100;

    /// <summary>Brackets (<c>a[b[c]]</c>, ranges) one output or tag may nest.</summary>
    public const int MaxBrackets = 32;

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "if", "unless", "case", "for", "tablerow", "capture", "ifchanged" };
    private static readonly HashSet<string> RawBodies = new(StringComparer.Ordinal) { "raw", "comment", "doc" };

    private readonly string _source;
    private readonly int _maxNesting;
    private readonly int _from;
    private readonly int _end;
    private int _depth;

    /// <summary>A scanner of <paramref name="source"/> from <paramref name="from"/> up to <paramref name="end"/>.</summary>
    private TemplateSourceScanner(string source, int maxNesting, int from, int end)
    {
        _source = source;
        _maxNesting = maxNesting;
        _from = from;
        _end = end;
    }

    /// <summary>The first limit the source breaks, or null when it may be parsed.</summary>
    public static TemplateError? Check(string source, int maxChars, int maxNesting)
    {
        if (source.Length > maxChars)
        {
            return new TemplateError(
                TemplateErrorKind.Limit,
                string.Create(CultureInfo.InvariantCulture, $"The template is {source.Length:N0} characters long; the limit is {maxChars:N0}."),
                1,
                1);
        }

        return new TemplateSourceScanner(source, maxNesting, 0, source.Length).Scan();
    }

    private TemplateError? Scan()
    {
        var i = _from;
        while ((i = _source.IndexOf('{', i, _end - i)) >= 0 && i + 1 < _end)
        {
            var start = i;
            switch (_source[i + 1])
            {
                case '{':
                    var output = ScanExpression(start, i + 2, "}}", liquid: false, out var error);
                    if (error is not null || output < 0)
                    {
                        return error;
                    }

                    i = output;
                    break;
                case '%':
                    var tag = ScanTag(start, out error);
                    if (error is not null || tag < 0)
                    {
                        return error;
                    }

                    i = tag;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return null;
    }

    /// <summary>Scans the tag opened at <paramref name="start"/>; returns the offset after it, -1 when unclosed.</summary>
    private int ScanTag(int start, out TemplateError? error)
    {
        error = null;
        var nameStart = SkipSpace(start + 2, trim: true);
        var name = ReadName(nameStart);
        var afterName = nameStart + name.Length;
        if (name == "#")
        {
            // Read as text up to the tag end, quotes included.
            return EndAfter(afterName, "%}");
        }

        if (name == "connected_content")
        {
            var end = IndexOf("%}", afterName);
            error = ScanUrl(afterName, end < 0 ? _end : end);
            return error is not null || end < 0 ? -1 : end + 2;
        }

        if (RawBodies.Contains(name))
        {
            var open = EndAfter(afterName, "%}");
            return open < 0 ? -1 : SkipRawBody(open, "end" + name);
        }

        error = Enter(name, start);
        return error is not null ? -1 : ScanExpression(start, afterName, "%}", name == "liquid", out error);
    }

    /// <summary>
    /// Scans an output or tag body up to <paramref name="closer"/>, counting filters and brackets outside quotes;
    /// in a <c>liquid</c> tag every line is a tag of its own.
    /// </summary>
    private int ScanExpression(int start, int i, string closer, bool liquid, out TemplateError? error)
    {
        error = null;
        var filters = 0;
        var brackets = 0;
        var lineStart = liquid;
        for (; i < _end; i++)
        {
            var c = _source[i];
            if (lineStart)
            {
                lineStart = false;
                var nameStart = SkipSpace(i, trim: false);
                var name = ReadName(nameStart);
                if (name == "#")
                {
                    var newline = _source.IndexOf('\n', nameStart, _end - nameStart);
                    var end = IndexOf(closer, nameStart);
                    if (newline < 0 || (end >= 0 && end < newline))
                    {
                        return end < 0 ? -1 : end + closer.Length;
                    }

                    i = newline;
                    lineStart = true;
                    filters = 0;
                    continue;
                }

                if (name == "connected_content")
                {
                    // Fluid ends the line's URL at a line break or the tag end, whichever comes first.
                    var end = nameStart + name.Length;
                    while (end < _end && _source[end] is not ('\n' or '\r' or '\v') && !IsAt(end, closer))
                    {
                        end++;
                    }

                    if ((error = ScanUrl(nameStart + name.Length, end)) is not null)
                    {
                        return -1;
                    }

                    if (IsAt(end, closer))
                    {
                        return end + closer.Length;
                    }

                    i = end;
                    lineStart = true;
                    filters = 0;
                    brackets = 0;
                    continue;
                }

                if ((error = Enter(name, nameStart)) is not null)
                {
                    return -1;
                }

                i = nameStart + name.Length - 1;
                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    i = SkipQuoted(i, c);
                    break;
                case '|' when ++filters > MaxFilters:
                    error = Fail(start, $"More than {MaxFilters} filters are chained in one output or tag; split the chain with assign.");
                    return -1;
                case '[' or '(' when ++brackets > MaxBrackets:
                    error = Fail(start, $"Brackets are nested more than {MaxBrackets} levels deep in one output or tag.");
                    return -1;
                case ']' or ')':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '\n' when liquid:
                    lineStart = true;
                    filters = 0;
                    brackets = 0;
                    break;
                default:
                    if (IsAt(i, closer))
                    {
                        return i + 2;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>
    /// Scans the <c>{{ }}</c> parts of a <c>connected_content</c> URL, <paramref name="from"/> up to
    /// <paramref name="end"/>, with the limits of the template around it.
    /// </summary>
    private TemplateError? ScanUrl(int from, int end) =>
        new TemplateSourceScanner(_source, _maxNesting, from, end) { _depth = _depth }.Scan();

    private bool IsAt(int i, string text) =>
        i + text.Length <= _end && string.CompareOrdinal(_source, i, text, 0, text.Length) == 0;

    private int IndexOf(string text, int from) =>
        _source.IndexOf(text, from, _end - from, StringComparison.Ordinal);

    /// <summary>Opens or closes a block for a tag name; an error when blocks nest too deep.</summary>
    private TemplateError? Enter(string name, int offset)
    {
        if (Blocks.Contains(name))
        {
            if (++_depth > _maxNesting)
            {
                return Fail(offset, $"Blocks (if, for, case, capture, …) are nested more than {_maxNesting} levels deep; simplify the template.");
            }
        }
        else if (name.StartsWith("end", StringComparison.Ordinal) && Blocks.Contains(name[3..]) && _depth > 0)
        {
            _depth--;
        }

        return null;
    }

    /// <summary>Skips a <c>raw</c>/<c>comment</c>/<c>doc</c> body to its end tag, as Fluid does (no nesting).</summary>
    private int SkipRawBody(int i, string endName)
    {
        while ((i = IndexOf("{%", i)) >= 0)
        {
            var nameStart = SkipSpace(i + 2, trim: true);
            if (ReadName(nameStart) == endName)
            {
                return EndAfter(nameStart + endName.Length, "%}");
            }

            i += 2;
        }

        return -1;
    }

    private int SkipQuoted(int i, char quote)
    {
        for (i++; i < _end; i++)
        {
            if (_source[i] == '\\')
            {
                i++;
            }
            else if (_source[i] == quote)
            {
                return i;
            }
        }

        return _end;
    }

    private int SkipSpace(int i, bool trim)
    {
        if (trim && i < _end && _source[i] == '-')
        {
            i++;
        }

        while (i < _end && _source[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    private string ReadName(int i)
    {
        if (i < _end && _source[i] == '#')
        {
            return "#";
        }

        var end = i;
        while (end < _end && (char.IsAsciiLetterOrDigit(_source[end]) || _source[end] == '_'))
        {
            end++;
        }

        return _source[i..end];
    }

    private int EndAfter(int i, string closer)
    {
        var end = IndexOf(closer, i);
        return end < 0 ? -1 : end + closer.Length;
    }

    private TemplateError Fail(int offset, string message)
    {
        var (line, column) = SourceLocator.FromOffset(_source, offset);
        return new TemplateError(TemplateErrorKind.Limit, message, line, column);
    }
}
