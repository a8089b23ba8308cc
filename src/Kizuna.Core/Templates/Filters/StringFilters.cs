using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>String filters with Shopify's argument rules, measured in characters.</summary>
internal static partial class StringFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("append", Checked("append", 1, 1, (i, a, c) => Str(Joined("append", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), c))));
        filters.AddFilter("prepend", Checked("prepend", 1, 1, (i, a, c) => Str(Joined("prepend", FilterArgs.Text(a.At(0)), FilterArgs.Text(i), c))));
        filters.AddFilter("remove", Checked("remove", 1, 1, (i, a, c) => Str(Replace("remove", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), string.Empty, c))));
        filters.AddFilter("remove_first", Checked("remove_first", 1, 1, (i, a, c) => Str(ReplaceFirst("remove_first", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), string.Empty, c))));
        filters.AddFilter("remove_last", Checked("remove_last", 1, 1, (i, a, c) => Str(ReplaceLast("remove_last", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), string.Empty, c))));
        filters.AddFilter("replace", Checked("replace", 1, 2, (i, a, c) => Str(Replace("replace", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), FilterArgs.Text(a.At(1)), c))));
        filters.AddFilter("replace_first", Checked("replace_first", 1, 2, (i, a, c) => Str(ReplaceFirst("replace_first", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), FilterArgs.Text(a.At(1)), c))));
        filters.AddFilter("replace_last", Checked("replace_last", 2, 2, (i, a, c) => Str(ReplaceLast("replace_last", FilterArgs.Text(i), FilterArgs.Text(a.At(0)), FilterArgs.Text(a.At(1)), c))));
        filters.AddFilter("truncate", Checked("truncate", 0, 2, (i, a, c) => Truncate(i, a, c)));
        filters.AddFilter("truncatewords", Checked("truncatewords", 0, 2, (i, a, c) => TruncateWords(i, a, c)));
        filters.AddFilter("split", Checked("split", 1, 1, (i, a, c) => Split(i, a.At(0), c)));
        filters.AddFilter("capitalize", Checked("capitalize", 0, 0, (i, _, _) => Str(LiquidText.Capitalize(FilterArgs.Text(i)))));
        filters.AddFilter("upcase", Checked("upcase", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).ToUpperInvariant())));
        filters.AddFilter("downcase", Checked("downcase", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).ToLowerInvariant())));
        filters.AddFilter("strip", Checked("strip", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).Trim())));
        filters.AddFilter("lstrip", Checked("lstrip", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).TrimStart())));
        filters.AddFilter("rstrip", Checked("rstrip", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).TrimEnd())));
        filters.AddFilter("strip_newlines", Checked("strip_newlines", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal))));
        filters.AddFilter("newline_to_br", Checked("newline_to_br", 0, 0, (i, _, c) => Str(NewlineToBr(FilterArgs.Text(i), c))));
        filters.AddFilter("strip_html", Checked("strip_html", 0, 0, (i, _, _) => Str(HtmlTagRegex().Replace(HtmlBlockRegex().Replace(FilterArgs.Text(i), string.Empty), string.Empty))));
        filters.AddFilter("url_encode", Checked("url_encode", 0, 0, (i, _, c) => FilterArgs.IsUndefined(i) ? NilValue.Instance : Str(UrlEncode(FilterArgs.Text(i), c))));
        filters.AddFilter("url_decode", Checked("url_decode", 0, 0, (i, _, _) => Str(Uri.UnescapeDataString(FilterArgs.Text(i).Replace('+', ' ')))));
        filters.AddFilter("base64_encode", Checked("base64_encode", 0, 0, (i, _, c) => Str(Base64Encode("base64_encode", FilterArgs.Text(i), c))));
        filters.AddFilter("base64_decode", Checked("base64_decode", 0, 0, (i, _, _) => Str(Base64Decode("base64_decode", FilterArgs.Text(i)))));
        filters.AddFilter("base64_url_safe_encode", Checked("base64_url_safe_encode", 0, 0, (i, _, c) => Str(Base64Encode("base64_url_safe_encode", FilterArgs.Text(i), c).Replace('+', '-').Replace('/', '_'))));
        filters.AddFilter("base64_url_safe_decode", Checked("base64_url_safe_decode", 0, 0, (i, _, _) => Str(Base64Decode("base64_url_safe_decode", FilterArgs.Text(i).Replace('-', '+').Replace('_', '/')))));
    }

    internal static FluidValue Str(string value) => StringValue.Create(value);

    /// <summary>
    /// The arity check, and a size check on any list the filter would read as one string (all its items run
    /// together), so that <c>list | upcase</c> cannot build what <c>list | join</c> may not.
    /// </summary>
    private static FilterDelegate Checked(string name, int min, int max, FilterDelegate inner) =>
        FilterArity.Checked(name, min, max, (input, arguments, context) =>
        {
            TextSize.CheckArrays(name, input, arguments, context);
            return inner(input, arguments, context);
        });

    private static string Joined(string filter, string first, string second, TemplateContext context)
    {
        TextSize.Check(filter, (long)first.Length + second.Length, context);
        return first + second;
    }

    private static string Replace(string filter, string input, string search, string replacement, TemplateContext context)
    {
        if (search.Length == 0)
        {
            // Ruby's gsub('') inserts the replacement between every character and at both ends.
            TextSize.Check(filter, input.Length + ((LiquidText.Length(input) + 1L) * replacement.Length), context);
            var builder = new StringBuilder(replacement);
            foreach (var rune in input.EnumerateRunes())
            {
                builder.Append(rune.ToString()).Append(replacement);
            }

            return builder.ToString();
        }

        if (replacement.Length > search.Length)
        {
            // Counted up front: a 1 MB string with each of its characters replaced by itself is 10^12 characters.
            TextSize.Check(filter, input.Length + ((long)input.AsSpan().Count(search) * (replacement.Length - search.Length)), context);
        }

        return input.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string filter, string input, string search, string replacement, TemplateContext context) =>
        ReplaceAt(filter, input, input.IndexOf(search, StringComparison.Ordinal), search, replacement, context);

    private static string ReplaceLast(string filter, string input, string search, string replacement, TemplateContext context) =>
        ReplaceAt(filter, input, input.LastIndexOf(search, StringComparison.Ordinal), search, replacement, context);

    private static string ReplaceAt(string filter, string input, int index, string search, string replacement, TemplateContext context)
    {
        if (index < 0)
        {
            return input;
        }

        TextSize.Check(filter, (long)input.Length - search.Length + replacement.Length, context);
        return string.Concat(input.AsSpan(0, index), replacement, input.AsSpan(index + search.Length));
    }

    private static FluidValue Truncate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = FilterArgs.Text(input);
        var length = arguments.Count > 0 ? FilterArgs.Integer("truncate", arguments.At(0), null) : 50;
        var ellipsis = arguments.Count > 1 ? FilterArgs.Text(arguments.At(1)) : "...";
        if (LiquidText.Length(text) <= length)
        {
            return Str(text);
        }

        var keep = (int)Math.Clamp(length - LiquidText.Length(ellipsis), 0, int.MaxValue);
        TextSize.Check("truncate", (long)LiquidText.IndexOfCodePoint(text, keep) + ellipsis.Length, context);
        return Str(LiquidText.Substring(text, 0, keep) + ellipsis);
    }

    private static FluidValue TruncateWords(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = FilterArgs.Text(input);
        var count = arguments.Count > 0 ? FilterArgs.Integer("truncatewords", arguments.At(0), null) : 15;
        var ellipsis = arguments.Count > 1 ? FilterArgs.Text(arguments.At(1)) : "...";
        count = Math.Max(count, 1);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= count)
        {
            return Str(text);
        }

        TextSize.Check("truncatewords", words.Take((int)count).Sum(w => (long)w.Length + 1) - 1 + ellipsis.Length, context);
        return Str(string.Join(' ', words, 0, (int)count) + ellipsis);
    }

    private static string NewlineToBr(string text, TemplateContext context)
    {
        // "\n" becomes "<br />\n" (six more characters), "\r\n" becomes it too (five more).
        TextSize.Check("newline_to_br", text.Length + (6L * text.AsSpan().Count('\n')) - text.AsSpan().Count("\r\n"), context);
        return NewlineRegex().Replace(text, "<br />\n");
    }

    private static string UrlEncode(string text, TemplateContext context)
    {
        TextSize.Check("url_encode", TextSize.UrlEncodedLength(text), context);
        return Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);
    }

    private static string Base64Encode(string filter, string text, TemplateContext context)
    {
        TextSize.Check(filter, (Encoding.UTF8.GetByteCount(text) + 2L) / 3 * 4, context);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    private static FluidValue Split(FluidValue input, FluidValue separatorValue, TemplateContext context)
    {
        var text = FilterArgs.Text(input);
        var separator = FilterArgs.Text(separatorValue);
        if (separator != " ")
        {
            // Counted before splitting; a single space splits on runs of whitespace and is counted after.
            Sequence.CheckSize("split", separator.Length == 0 ? LiquidText.Length(text) : text.AsSpan().Count(separator) + 1L, context);
        }

        string[] parts;
        if (text.Length == 0)
        {
            parts = [];
        }
        else if (separator.Length == 0)
        {
            parts = [.. text.EnumerateRunes().Select(r => r.ToString())];
        }
        else if (separator == " ")
        {
            // Ruby splits on runs of whitespace when the separator is a single space.
            parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            Sequence.CheckSize("split", parts.Length, context);
        }
        else
        {
            var all = text.Split(separator);
            var end = all.Length;
            while (end > 0 && all[end - 1].Length == 0)
            {
                end--;
            }

            parts = all[..end];
        }

        return parts.Length == 0 ? ArrayValue.Empty : new ArrayValue([.. parts.Select(Str)]);
    }

    private static string Base64Decode(string filter, string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            throw FilterFault.Argument(filter, "the input is not valid base64.");
        }
    }

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex NewlineRegex();

    [GeneratedRegex(@"<script.*?</script>|<!--.*?-->|<style.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockRegex();

    [GeneratedRegex(@"<.*?>", RegexOptions.Singleline)]
    private static partial Regex HtmlTagRegex();
}
