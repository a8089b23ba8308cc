using System.Globalization;

namespace Kizuna.Templates.Engine;

/// <summary>
/// A linear pass over the source before Fluid parses it. Fluid's parser, the sandbox rewrite and the render all
/// recurse once per nested block, filter or bracket, and a stack overflow ends the process, so a template that
/// nests too deeply is refused here with its line and column, without building anything.
/// </summary>
/// <remarks>
/// Quoted strings are skipped the way Fluid's parser reads them (a <c>|</c> or <c>%}</c> inside quotes counts for
/// nothing), as are the bodies of <c>raw</c>, <c>comment</c> and <c>doc</c>, <c>#</c> comments and the URL of
/// <c>connected_content</c>. Inside <c>{% liquid %}</c> each line is a tag.
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
    private int _depth;

    private TemplateSourceScanner(string source, int maxNesting)
    {
        _source = source;
        _maxNesting = maxNesting;
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

        return new TemplateSourceScanner(source, maxNesting).Scan();
    }

    private TemplateError? Scan()
    {
        var i = 0;
        while ((i = _source.IndexOf('{', i)) >= 0 && i + 1 < _source.Length)
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
        if (name == "#" || name == "connected_content")
        {
            // Read as text up to the tag end, quotes included.
            return EndAfter(afterName, "%}");
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
        for (; i < _source.Length; i++)
        {
            var c = _source[i];
            if (lineStart)
            {
                lineStart = false;
                var nameStart = SkipSpace(i, trim: false);
                var name = ReadName(nameStart);
                if (name == "#")
                {
                    var newline = _source.IndexOf('\n', nameStart);
                    var end = _source.IndexOf(closer, nameStart, StringComparison.Ordinal);
                    if (newline < 0 || (end >= 0 && end < newline))
                    {
                        return end < 0 ? -1 : end + closer.Length;
                    }

                    i = newline;
                    lineStart = true;
                    filters = 0;
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
                    if (c == closer[0] && i + 1 < _source.Length && _source[i + 1] == closer[1])
                    {
                        return i + 2;
                    }

                    break;
            }
        }

        return -1;
    }

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
        while ((i = _source.IndexOf("{%", i, StringComparison.Ordinal)) >= 0)
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
        for (i++; i < _source.Length; i++)
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

        return _source.Length;
    }

    private int SkipSpace(int i, bool trim)
    {
        if (trim && i < _source.Length && _source[i] == '-')
        {
            i++;
        }

        while (i < _source.Length && _source[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    private string ReadName(int i)
    {
        if (i < _source.Length && _source[i] == '#')
        {
            return "#";
        }

        var end = i;
        while (end < _source.Length && (char.IsAsciiLetterOrDigit(_source[end]) || _source[end] == '_'))
        {
            end++;
        }

        return _source[i..end];
    }

    private int EndAfter(int i, string closer)
    {
        var end = _source.IndexOf(closer, i, StringComparison.Ordinal);
        return end < 0 ? -1 : end + closer.Length;
    }

    private TemplateError Fail(int offset, string message)
    {
        var (line, column) = SourceLocator.FromOffset(_source, offset);
        return new TemplateError(TemplateErrorKind.Limit, message, line, column);
    }
}
