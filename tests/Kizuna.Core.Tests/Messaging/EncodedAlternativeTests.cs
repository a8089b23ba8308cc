using System.Text;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Kizuna.Messaging;

public sealed class EncodedAlternativeTests
{
    /// <summary>What a template can leave in a body: long lines, '=', spaces before line breaks, both line endings, 8-bit text, dots.</summary>
    private static readonly string Html = string.Concat(
        "<html><body style=\"font-family: Helvetica\">\n<p>Price = ¥1,980 · free shipping</p>  \r\n",
        "<p>", new string('x', 200), " tail\t\n.\nFrom here on</p>\n<a href=\"https://shop.example.com/p?a=1&amp;b=2\">View</a>\r",
        "lone carriage return and a trailing space </body></html> \n", new string('=', 40), " a tab before a break\t\n",
        new string('z', 74), " \n", new string('w', 74), "\t\ttabs inside\n");

    private static readonly string Text = "Hello Aoi,\n\nPrice = ¥1,980 \nこんにちは  \n" + new string('y', 90) + "\n";

    public static TheoryData<string, string> Bodies => new()
    {
        { Text, Html },
        { "日本語のテキストだけのメールです。お買い物をお楽しみください。\n", "<p>日本語のテキストだけのメールです。</p>" },
        { string.Empty, "<p>no text</p>" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Create_ParsedBack_HasTheHeadersAndDecodedPartsOfABodyBuilderMessage(string text, string html)
    {
        var factory = Factory();
        using var fast = factory.Create(Ready(text, html));
        using var built = factory.Create(Ready(text, html));
        built.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        built.Prepare(EncodingConstraint.SevenBit);

        var (parsed, expected) = (RoundTrip(fast, NewLineFormat.Dos), RoundTrip(built, NewLineFormat.Dos));

        foreach (var header in new[] { HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost, HeaderId.MimeVersion })
        {
            Assert.Equal(expected.Headers[header], parsed.Headers[header]);
        }

        var parts = Assert.IsType<MultipartAlternative>(parsed.Body).Cast<TextPart>().ToList();
        var expectedParts = Assert.IsType<MultipartAlternative>(expected.Body).Cast<TextPart>().ToList();
        Assert.Equal("multipart/alternative", parsed.Body.ContentType.MimeType);
        Assert.Equal(expectedParts.Select(p => p.ContentType.MimeType), parts.Select(p => p.ContentType.MimeType));
        Assert.All(parts, p => Assert.Equal("utf-8", p.ContentType.Charset));
        Assert.Equal(expectedParts.Select(p => p.Text), parts.Select(p => p.Text));
        // Short 7-bit lines MimeKit sends as they are; they go quoted-printable here, which decodes to the same.
        Assert.Equal(expectedParts.Select(p => p.ContentTransferEncoding is ContentEncoding.Default ? ContentEncoding.QuotedPrintable : p.ContentTransferEncoding), parts.Select(p => p.ContentTransferEncoding));
        Assert.Equal(expected.TextBody, parsed.TextBody);
        Assert.Equal(expected.HtmlBody, parsed.HtmlBody);
    }

    [Fact]
    public void Create_Written_IsSevenBitWithLinesOfAtMost76Characters()
    {
        using var message = Factory().Create(Ready(Text, Html));
        using var buffer = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, buffer, TestContext.Current.CancellationToken);
        var bytes = buffer.ToArray();

        Assert.All(bytes, b => Assert.True(b < 128));
        var lines = Encoding.ASCII.GetString(bytes).Split("\r\n");
        Assert.DoesNotContain(lines, l => l.Contains('\r') || l.Contains('\n'));
        var body = lines.SkipWhile(l => l.Length > 0).ToList();
        Assert.All(body, l => Assert.True(l.Length <= 76, $"A line of {l.Length} characters: {l}"));
        Assert.DoesNotContain(body, l => l.EndsWith(' ') || l.EndsWith('\t'));
    }

    [Fact]
    public void Create_WrittenWithUnixLineBreaks_ParsesToTheSameParts()
    {
        using var message = Factory().Create(Ready(Text, Html));

        var dos = RoundTrip(message, NewLineFormat.Dos);
        var unix = RoundTrip(message, NewLineFormat.Unix);

        Assert.Equal(dos.TextBody!.ReplaceLineEndings("\n"), unix.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(dos.HtmlBody!.ReplaceLineEndings("\n"), unix.HtmlBody!.ReplaceLineEndings("\n"));
    }

    private static EmailMessageFactory Factory() =>
        new(Options.Create(new EmailOptions { FromAddress = "shop@example.com", FromName = "Example Shop" }), new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(9))));

    private static ReadyMessage Ready(string text, string html)
    {
        var message = new OutboxMessage(42, 7, 0, MessageChannel.Email, "t", "k42", 1, 1, "aoi@example.com", null, false, OutboxState.Queued, 0, null, null, default, default, null);
        var links = new MessageLinks("https://mail.example.com/m/unsubscribe/" + new string('t', 120), "https://x.example/p", "https://x.example/v");
        return new ReadyMessage(message, new RenderedEmail("Aoi, 12 picks for you · ¥1,980 から", html, text), "kz.7.42@example.com", links);
    }

    private static MimeMessage RoundTrip(MimeMessage message, NewLineFormat format)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = format }, buffer);
        buffer.Position = 0;
        return MimeMessage.Load(buffer);
    }
}
