using System.Buffers;
using Kizuna.Templates;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// The filters of a derived text template (<see cref="LiquidHtmlText"/>): each passes a value the HTML parser would
/// have read back unchanged in that place, and answers <see cref="LiquidHtmlText.Fallback"/> for any other, so the
/// message's text is derived from its rendered HTML instead.
/// </summary>
public sealed class EmailTextFilters : ITemplateExtension
{
    /// <summary>An output in the text: markup or an entity would be read as such.</summary>
    public const string Text = "kz_text_html";

    /// <summary>An output in an attribute value (a link's address, an image's alt text).</summary>
    public const string Attribute = "kz_text_attr";

    /// <summary>An output the template escaped: the parser decodes it back to the raw value.</summary>
    public const string Raw = "kz_text_raw";

    private static readonly object Fallback = LiquidHtmlText.Fallback.ToString();
    private static readonly SearchValues<char> InText = Stops("<&");
    private static readonly SearchValues<char> InAttribute = Stops("&\"'");
    private static readonly SearchValues<char> InRaw = Stops("");

    public void Register(TemplateExtensionRegistry registry)
    {
        registry.AddFilter(Text, (input, _, _) => ValueTask.FromResult(Pass(input, "<&", InText)));
        registry.AddFilter(Attribute, (input, _, _) => ValueTask.FromResult(Pass(input, "&\"'", InAttribute)));
        registry.AddFilter(Raw, (input, _, _) => ValueTask.FromResult(Pass(input, "", InRaw)));
    }

    private static object? Pass(object? input, string read, SearchValues<char> stops) => input switch
    {
        null or decimal or bool or int or long or double => input,
        string s => !s.AsSpan().ContainsAny(stops) || Plain(s, read) ? s : Fallback,
        _ => Fallback,
    };

    /// <summary>
    /// Every character <see cref="Plain"/> looks at more closely: <paramref name="read"/>'s, control characters but tab
    /// and line breaks, the fallback mark, surrogates. A value without any (most) is plain after one vectorised search.
    /// </summary>
    private static SearchValues<char> Stops(string read) => SearchValues.Create(
        [.. read, .. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c)), LiquidHtmlText.Fallback]);

    /// <summary>No character from <paramref name="read"/>, no control character but tab and line breaks, no lone surrogate.</summary>
    private static bool Plain(string s, string read)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (read.Contains(c, StringComparison.Ordinal) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c == LiquidHtmlText.Fallback)
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
