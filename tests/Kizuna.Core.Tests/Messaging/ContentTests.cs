using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Content;
using Kizuna.Templates;

namespace Kizuna.Messaging;

public sealed class ContentTests
{
    [Theory]
    [InlineData("", SmsEncoding.Gsm7, 0, 0)]
    [InlineData("Your order shipped", SmsEncoding.Gsm7, 18, 1)]
    [InlineData("Price: 10€ [sale]", SmsEncoding.Gsm7, 20, 1)]   // €, [ and ] take two septets each
    [InlineData("ご注文ありがとうございます", SmsEncoding.Ucs2, 13, 1)]
    [InlineData("Hi 😀", SmsEncoding.Ucs2, 5, 1)]   // an emoji is two UTF-16 units
    public void Count_Text_GivesEncodingUnitsAndSegments(string text, SmsEncoding encoding, int units, int segments) =>
        Assert.Equal(new SmsCount(encoding, units, segments), SmsSegments.Count(text));

    [Fact]
    public void Count_LongTexts_SplitIntoConcatenatedParts()
    {
        Assert.Equal(1, SmsSegments.Count(new string('a', 160)).Segments);
        Assert.Equal(2, SmsSegments.Count(new string('a', 161)).Segments);   // 153 septets a part
        Assert.Equal(3, SmsSegments.Count(new string('a', 307)).Segments);
        Assert.Equal(1, SmsSegments.Count(new string('あ', 70)).Segments);
        Assert.Equal(2, SmsSegments.Count(new string('あ', 71)).Segments);   // 67 a part
    }

    [Fact]
    public void Validate_EmailWithABrokenTag_NamesTheFieldLineAndColumn()
    {
        var validator = new ContentValidator(TemplateService.CreateDefault());

        var problems = validator.Validate(new EmailContent("Hi", "<p>\n  {% if customer %}\n</p>"));

        var problem = Assert.Single(problems);
        Assert.Equal(("html", 2, 3), (problem.Field, problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_OtherChannels_CheckTheirShape()
    {
        var validator = new ContentValidator(TemplateService.CreateDefault());

        Assert.Equal(["subject"], validator.Validate(new EmailContent(" ", "<p>x</p>")).Select(p => p.Field));
        Assert.Equal(["imageUrl"], validator.Validate(new PushContent("T", "B", ImageUrl: "ftp://x")).Select(p => p.Field));
        Assert.Equal(["buttons[0].action"], validator.Validate(new InAppContent(InAppLayout.Modal, "B", Buttons: [new InAppButton("Go", "jump")])).Select(p => p.Field));
        Assert.Equal(["method", "url"], validator.Validate(new WebhookContent("FETCH", "")).Select(p => p.Field));
        Assert.Equal(["expiresAfter"], validator.Validate(new ContentCardContent("T", "X", ExpiresAfter: TimeSpan.Zero)).Select(p => p.Field));
        Assert.Equal(["data.order"], validator.Validate(new PushContent("T", "B", Data: new Dictionary<string, string> { ["order"] = "{{ x" })).Select(p => p.Field));
        Assert.Empty(validator.Validate(new SmsContent("Hi {{ customer.first_name }}")));
    }

    [Fact]
    public void Tidy_RandomText_CollapsesWhitespaceAsHtmlDoes()
    {
        // The rule spelled out plainly: a line per line, its words one space apart, at most one empty line between.
        static string Reference(string raw)
        {
            var lines = raw.Split('\n').Select(line => string.Join(' ', line.Split([' ', '\t', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
            var kept = new List<string>();
            foreach (var line in lines)
            {
                if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0))
                {
                    kept.Add(line);
                }
            }

            return string.Join('\n', kept).Trim() + "\n";
        }

        var random = new Random(20261206);
        const string Alphabet = "ab.あ \t\r\n\u00a0\u3000";
        for (var i = 0; i < 5_000; i++)
        {
            var raw = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            Assert.Equal(Reference(raw), HtmlText.Tidy(raw));
        }
    }

    [Fact]
    public void HtmlText_Layout_GivesLinesLinksAndListsWithoutHiddenParts()
    {
        var text = HtmlText.From(
            """
            <html><head><title>T</title><style>p{}</style></head><body>
            <div data-preheader style="display:none">Preview line</div>
            <h1>Thanks,   Hana</h1><p>Your <a href="https://x.example/o/1">order</a> is on its way.<br>Soon.</p>
            <ul><li>Tea</li><li>Cups</li></ul><img alt="Logo" src="l.png"></body></html>
            """);

        Assert.Equal("Thanks, Hana\n\nYour order (https://x.example/o/1) is on its way.\nSoon.\n\n- Tea\n\n- Cups\n\nLogo\n", text);
    }

    [Fact]
    public async Task Render_WithAPreheaderAndNoTextPart_PutsThePreheaderFirstAndDerivesTheText()
    {
        var renderer = new EmailRenderer(TemplateService.CreateDefault());
        var template = new MessageTemplate(0, 0, new EmailContent("Hi\n {{ name }}", "<html><body><p>Body</p></body></html>", Preheader: "Sale & more"));

        var outcome = await renderer.RenderAsync(template, new TemplateModel().Set("name", "Ken"), TemplateRenderOptions.Default, TestContext.Current.CancellationToken);

        var email = Assert.IsType<RenderedEmail>(outcome.Content);
        Assert.Equal("Hi Ken", email.Subject);
        Assert.Contains("<body><div data-preheader style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\">Sale &amp; more</div><p>Body</p>", email.Html, StringComparison.Ordinal);
        Assert.Equal("Body\n", email.Text);
    }
}
