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
        filters.AddFilter("append", FilterArity.Checked("append", 1, 1, (i, a, _) => Str(FilterArgs.Text(i) + FilterArgs.Text(a.At(0)))));
        filters.AddFilter("prepend", FilterArity.Checked("prepend", 1, 1, (i, a, _) => Str(FilterArgs.Text(a.At(0)) + FilterArgs.Text(i))));
        filters.AddFilter("remove", FilterArity.Checked("remove", 1, 1, (i, a, _) => Str(Replace(FilterArgs.Text(i), FilterArgs.Text(a.At(0)), string.Empty))));
        filters.AddFilter("remove_first", FilterArity.Checked("remove_first", 1, 1, (i, a, _) => Str(ReplaceFirst(FilterArgs.Text(i), FilterArgs.Text(a.At(0)), string.Empty))));
        filters.AddFilter("remove_last", FilterArity.Checked("remove_last", 1, 1, (i, a, _) => Str(ReplaceLast(FilterArgs.Text(i), FilterArgs.Text(a.At(0)), string.Empty))));
        filters.AddFilter("replace", FilterArity.Checked("replace", 1, 2, (i, a, _) => Str(Replace(FilterArgs.Text(i), FilterArgs.Text(a.At(0)), FilterArgs.Text(a.At(1))))));
        filters.AddFilter("replace_first", FilterArity.Checked("replace_first", 1, 2, (i, a, _) => Str(ReplaceFirst(FilterArgs.Text(i), FilterArgs.Text(a.At(0)), FilterArgs.Text(a.At(1))))));
        filters.AddFilter("replace_last", FilterArity.Checked("replace_last", 2, 2, (i, a, _) => Str(ReplaceLast(FilterArgs.Text(i), FilterArgs.Text(a.At(0)), FilterArgs.Text(a.At(1))))));
        filters.AddFilter("truncate", FilterArity.Checked("truncate", 0, 2, (i, a, _) => Truncate(i, a)));
        filters.AddFilter("truncatewords", FilterArity.Checked("truncatewords", 0, 2, (i, a, _) => TruncateWords(i, a)));
        filters.AddFilter("split", FilterArity.Checked("split", 1, 1, (i, a, c) => Split(i, a.At(0), c)));
        filters.AddFilter("capitalize", FilterArity.Checked("capitalize", 0, 0, (i, _, _) => Str(LiquidText.Capitalize(FilterArgs.Text(i)))));
        filters.AddFilter("upcase", FilterArity.Checked("upcase", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).ToUpperInvariant())));
        filters.AddFilter("downcase", FilterArity.Checked("downcase", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).ToLowerInvariant())));
        filters.AddFilter("strip", FilterArity.Checked("strip", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).Trim())));
        filters.AddFilter("lstrip", FilterArity.Checked("lstrip", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).TrimStart())));
        filters.AddFilter("rstrip", FilterArity.Checked("rstrip", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).TrimEnd())));
        filters.AddFilter("strip_newlines", FilterArity.Checked("strip_newlines", 0, 0, (i, _, _) => Str(FilterArgs.Text(i).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal))));
        filters.AddFilter("newline_to_br", FilterArity.Checked("newline_to_br", 0, 0, (i, _, _) => Str(NewlineRegex().Replace(FilterArgs.Text(i), "<br />\n"))));
        filters.AddFilter("strip_html", FilterArity.Checked("strip_html", 0, 0, (i, _, _) => Str(HtmlTagRegex().Replace(HtmlBlockRegex().Replace(FilterArgs.Text(i), string.Empty), string.Empty))));
        filters.AddFilter("url_encode", FilterArity.Checked("url_encode", 0, 0, (i, _, _) => FilterArgs.IsUndefined(i) ? NilValue.Instance : Str(Uri.EscapeDataString(FilterArgs.Text(i)).Replace("%20", "+", StringComparison.Ordinal))));
        filters.AddFilter("url_decode", FilterArity.Checked("url_decode", 0, 0, (i, _, _) => Str(Uri.UnescapeDataString(FilterArgs.Text(i).Replace('+', ' ')))));
        filters.AddFilter("base64_encode", FilterArity.Checked("base64_encode", 0, 0, (i, _, _) => Str(Convert.ToBase64String(Encoding.UTF8.GetBytes(FilterArgs.Text(i))))));
        filters.AddFilter("base64_decode", FilterArity.Checked("base64_decode", 0, 0, (i, _, _) => Str(Base64Decode("base64_decode", FilterArgs.Text(i)))));
        filters.AddFilter("base64_url_safe_encode", FilterArity.Checked("base64_url_safe_encode", 0, 0, (i, _, _) => Str(Convert.ToBase64String(Encoding.UTF8.GetBytes(FilterArgs.Text(i))).Replace('+', '-').Replace('/', '_'))));
        filters.AddFilter("base64_url_safe_decode", FilterArity.Checked("base64_url_safe_decode", 0, 0, (i, _, _) => Str(Base64Decode("base64_url_safe_decode", FilterArgs.Text(i).Replace('-', '+').Replace('_', '/')))));
    }

    internal static FluidValue Str(string value) => StringValue.Create(value);

    private static string Replace(string input, string search, string replacement)
    {
        if (search.Length == 0)
        {
            // Ruby's gsub('') inserts the replacement between every character and at both ends.
            var builder = new StringBuilder(replacement);
            foreach (var rune in input.EnumerateRunes())
            {
                builder.Append(rune.ToString()).Append(replacement);
            }

            return builder.ToString();
        }

        return input.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string input, string search, string replacement)
    {
        var index = input.IndexOf(search, StringComparison.Ordinal);
        return index < 0 ? input : string.Concat(input.AsSpan(0, index), replacement, input.AsSpan(index + search.Length));
    }

    private static string ReplaceLast(string input, string search, string replacement)
    {
        var index = input.LastIndexOf(search, StringComparison.Ordinal);
        return index < 0 ? input : string.Concat(input.AsSpan(0, index), replacement, input.AsSpan(index + search.Length));
    }

    private static FluidValue Truncate(FluidValue input, FilterArguments arguments)
    {
        var text = FilterArgs.Text(input);
        var length = arguments.Count > 0 ? FilterArgs.Integer("truncate", arguments.At(0), null) : 50;
        var ellipsis = arguments.Count > 1 ? FilterArgs.Text(arguments.At(1)) : "...";
        if (LiquidText.Length(text) <= length)
        {
            return Str(text);
        }

        var keep = (int)Math.Clamp(length - LiquidText.Length(ellipsis), 0, int.MaxValue);
        return Str(LiquidText.Substring(text, 0, keep) + ellipsis);
    }

    private static FluidValue TruncateWords(FluidValue input, FilterArguments arguments)
    {
        var text = FilterArgs.Text(input);
        var count = arguments.Count > 0 ? FilterArgs.Integer("truncatewords", arguments.At(0), null) : 15;
        var ellipsis = arguments.Count > 1 ? FilterArgs.Text(arguments.At(1)) : "...";
        count = Math.Max(count, 1);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= count ? Str(text) : Str(string.Join(' ', words, 0, (int)count) + ellipsis);
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
