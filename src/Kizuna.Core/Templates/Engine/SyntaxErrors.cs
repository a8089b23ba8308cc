using System.Globalization;
using System.Text.RegularExpressions;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Turns Fluid's parse errors into errors located at their cause. Fluid reports a block left open where the parse
/// ran out (often the end of the template), an unknown or stray tag with no position of its own (only inside the
/// message) and a filter missing its argument as an output not closed; a marketer needs the tag or filter to fix.
/// </summary>
internal static partial class SyntaxErrors
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "if", "unless", "case", "for", "tablerow", "capture", "ifchanged", "comment", "doc", "raw" };

    public static TemplateError Explain(string source, string message, int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        if (ExpectedEnd().Match(message) is { Success: true } expected)
        {
            return UnclosedBlock(source, expected.Groups[1].Value, offset) ?? At(source, offset, message);
        }

        if (UnknownTag().Match(message) is { Success: true } unknown)
        {
            var position = OffsetOf(source, int.Parse(unknown.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(unknown.Groups[3].Value, CultureInfo.InvariantCulture));
            return StrayTag(source, unknown.Groups[1].Value, position);
        }

        if (InvalidTag().Match(message) is { Success: true } invalid)
        {
            return InvalidTagAt(source, invalid.Groups[1].Value, offset, message);
        }

        if (message.StartsWith("Not end tag found for {% raw %}", StringComparison.Ordinal))
        {
            return UnclosedBlock(source, "raw", source.Length) ?? At(source, offset, message);
        }

        if (message.StartsWith("An identifier was expected after '{%'", StringComparison.Ordinal)
            && source.AsSpan(SkipSpace(source, offset)) is var rest && (rest.StartsWith("%}") || rest.StartsWith("-%}"))
            && UnclosedBlock(source, null, offset) is { } inLiquid)
        {
            // In {% liquid %} a block left open meets the tag's end where the next tag name should be.
            return inLiquid;
        }

        if (message.StartsWith("End of tag", StringComparison.Ordinal))
        {
            return UnclosedOutputOrTag(source, message.Contains("'}}'", StringComparison.Ordinal) ? "}}" : "%}", offset);
        }

        return At(source, offset, message);
    }

    /// <summary>A Fluid error without a position: located by the "at (line:column)" its message may carry.</summary>
    public static TemplateError ExplainUnlocated(string source, string message) =>
        UnknownTag().IsMatch(message) ? Explain(source, message, 0) : new TemplateError(TemplateErrorKind.Syntax, message, 1, 1);

    /// <summary>The innermost block named <paramref name="name"/> (any block when null) still open at <paramref name="offset"/>.</summary>
    private static TemplateError? UnclosedBlock(string source, string? name, int offset)
    {
        var open = new List<(string Name, int Offset)>();
        foreach (var tag in LiquidTagReader.Read(source, offset))
        {
            if (Blocks.Contains(tag.Name))
            {
                open.Add(tag);
            }
            else if (tag.Name.StartsWith("end", StringComparison.Ordinal) && open.Count > 0 && open[^1].Name == tag.Name[3..])
            {
                open.RemoveAt(open.Count - 1);
            }
        }

        var opener = open.FindLastIndex(t => name is null || t.Name == name);
        if (opener < 0)
        {
            return null;
        }

        name = open[opener].Name;
        var where = SkipSpace(source, offset) >= source.Length
            ? "the end of the template"
            : Describe(source, offset);
        return At(source, open[opener].Offset, $"'{{% {name} %}}' is not closed: '{{% end{name} %}}' was expected before {where}.");
    }

    private static TemplateError StrayTag(string source, string name, int offset)
    {
        var start = LiquidTagReader.Read(source, offset).LastOrDefault(t => t.Name == name).Offset;
        var message = name switch
        {
            _ when name.StartsWith("end", StringComparison.Ordinal) && Blocks.Contains(name[3..]) =>
                $"'{{% {name} %}}' has no '{{% {name[3..]} %}}' to close.",
            "else" => "'{% else %}' is outside the if, unless, case or for it belongs to.",
            "elsif" => "'{% elsif %}' is outside the if it belongs to.",
            "when" => "'{% when %}' is outside the case it belongs to.",
            _ => $"Unknown tag '{name}'.",
        };
        return At(source, start, message);
    }

    private static TemplateError UnclosedOutputOrTag(string source, string closer, int offset)
    {
        var kind = closer == "}}" ? "output" : "tag";
        var next = SkipSpace(source, offset);

        // `{{ x | truncate: }}`: Fluid stops before the colon of a filter whose argument is missing.
        if (next < source.Length && source[next] == ':' && FilterBefore(source, offset) is { } filter)
        {
            return At(source, filter.Offset, $"The filter '{filter.Name}' has ':' but no argument after it.");
        }

        if (next >= source.Length)
        {
            var opener = source.LastIndexOf(closer == "}}" ? "{{" : "{%", Math.Max(0, offset - 1), StringComparison.Ordinal);
            return At(source, Math.Max(0, opener), $"This {kind} is not closed: '{closer}' was expected.");
        }

        var end = next;
        while (end < source.Length && end - next < 30 && !char.IsWhiteSpace(source[end]) && !source.AsSpan(end).StartsWith(closer))
        {
            end++;
        }

        var found = end == next ? source[next].ToString() : source[next..end];
        return At(source, next, $"'{closer}' was expected to end the {kind}, but '{found}' follows.");
    }

    private static (string Name, int Offset)? FilterBefore(string source, int offset)
    {
        var end = offset;
        while (end > 0 && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(source[start - 1]) || source[start - 1] == '_'))
        {
            start--;
        }

        var bar = start;
        while (bar > 0 && char.IsWhiteSpace(source[bar - 1]))
        {
            bar--;
        }

        return start < end && bar > 0 && source[bar - 1] == '|' ? (source[start..end], start) : null;
    }

    private static string Describe(string source, int offset)
    {
        var (line, column) = SourceLocator.FromOffset(source, offset);
        var tag = LiquidTagReader.Read(source, Math.Min(source.Length, offset + 80)).Find(t => t.Offset >= offset);
        return tag.Name is { Length: > 0 } name && tag.Offset == offset
            ? string.Create(CultureInfo.InvariantCulture, $"'{{% {name} %}}' at {line}:{column}")
            : string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }

    /// <summary>Fluid's "Invalid 'if' tag", located at the tag and showing it, since the message alone says little.</summary>
    private static TemplateError InvalidTagAt(string source, string name, int offset, string message)
    {
        var tag = LiquidTagReader.Read(source, offset).FindLast(t => t.Name == name);
        if (tag.Name is null)
        {
            return At(source, offset, message);
        }

        var end = source.IndexOf("%}", tag.Offset, StringComparison.Ordinal);
        var text = end < 0 || end - tag.Offset > 80 ? null : source[tag.Offset..(end + 2)];
        return At(source, tag.Offset, text is null ? $"Invalid '{name}' tag." : $"Invalid '{name}' tag: {text}");
    }

    private static int SkipSpace(string source, int i)
    {
        while (i < source.Length && char.IsWhiteSpace(source[i]))
        {
            i++;
        }

        return i;
    }

    private static int OffsetOf(string source, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset < source.Length; l++)
        {
            var newline = source.IndexOf('\n', offset);
            offset = newline < 0 ? source.Length : newline + 1;
        }

        return Math.Min(source.Length, offset + column - 1);
    }

    private static TemplateError At(string source, int offset, string message)
    {
        var (line, column) = SourceLocator.FromOffset(source, offset);
        return new TemplateError(TemplateErrorKind.Syntax, message, line, column);
    }

    [GeneratedRegex(@"^'\{% end(\w+) %\}' was expected")]
    private static partial Regex ExpectedEnd();

    [GeneratedRegex(@"^Invalid '(\w+)' tag")]
    private static partial Regex InvalidTag();

    [GeneratedRegex(@"^Unknown tag '([^']*)' at \((\d+):(\d+)\)")]
    private static partial Regex UnknownTag();
}
