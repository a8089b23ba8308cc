using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Content;
using Kizuna.Templates;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;
using Microsoft.Extensions.Options;

namespace Kizuna.Core.Tests.Messaging;

public sealed class LiquidHtmlTextTests
{
    /// <summary>A weekly picks email as the W4 benchmark sends it: a style sheet, a product loop, tracked links, the footer's own links.</summary>
    private const string Picks =
        """
        <html><head><style>
        .card { background: #ffffff; padding: 12px } .name { font-weight: bold } .button { color: #ffffff }
        </style></head><body>
        <table width="100%"><tr><td align="center"><table width="600">
        <tr><td><h1>Hello {{ first_name | escape }},</h1>
        <p>We picked these for you from what you looked at in {{ month }}.</p></td></tr>
        {% for product in products %}
        <tr><td class="card">
          <table><tr>
            <td><img src="https://cdn.example.com/p/{{ product.sku }}.jpg" alt="{{ product.name | escape }}"></td>
            <td><div class="name">{{ forloop.index }}. {{ product.name | escape }}</div>
                <div class="price">{{ product.price }}</div>
                <a class="button" href="https://shop.example.com/p/{{ product.sku }}?utm_source=kizuna&amp;r={{ ref }}">View {{ product.name | escape }}</a></td>
          </tr></table>
        </td></tr>
        {% endfor %}
        {% if vip %}<tr><td><ul><li>Double points</li><li>Free returns</li></ul></td></tr>{% else %}<tr><td>Join the club</td></tr>{% endif %}
        <tr><td class="footer">You get this because you are a member.
        <a href="{{ unsubscribe_url }}">Unsubscribe</a> · <a href="{{ preferences_url }}">Preferences</a> · <a href="https://shop.example.com/">https://shop.example.com/</a>
        <br>Example Shop, 1-2-3 Shibuya, Tokyo</td></tr>
        </table></td></tr></table></body></html>
        """;

    private const string Receipt =
        """
        <html><head><title>T</title><style>p { color: #333 }</style></head><body>
        <h1>Thanks,   {{ name }}</h1><p>Your <a href="https://x.example/o/{{ order }}">order</a> is on its way.<br>Soon.</p>
        <ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul><img alt="Logo" src="l.png"><a href="#top">Top</a><a href="https://x.example/"></a></body></html>
        """;

    public static TheoryData<string, string, string> Cases() => new()
    {
        { Picks, "Ken", "Tee" },
        { Picks, "O'Brien & Sons", "Cap <b>new</b>" },
        { Picks, "Hana\r\nSato", "Jacket  \t lined" },
        { Picks, "山田", "Tシャツ 😀" },
        { Receipt, "Ken", "Tea" },
        { Receipt, "<i>Ken</i>", "A &amp; B" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Derive_StoredTemplate_SameTextAsDerivingEachRenderedMessage(string source, string name, string product)
    {
        var templates = Templates();
        var inlined = LiquidCssInliner.Inline(source)!;
        var derived = LiquidHtmlText.Derive(inlined);
        Assert.NotNull(derived);
        var ct = TestContext.Current.CancellationToken;
        foreach (var vip in (bool[])[true, false])
        {
            var model = Model(name, product, vip);
            var html = (await templates.RenderAsync(inlined, model, TemplateRenderOptions.Default, ct)).Output!;
            var text = (await templates.RenderAsync(derived, model, TemplateRenderOptions.Default, ct)).Output!;

            var expected = HtmlText.From(html);
            if (LiquidHtmlText.Finish(text) is { } once)
            {
                Assert.Equal(expected, once);
            }
            else
            {
                // Only a value the parser would read as markup or an entity sends a message back to its HTML.
                Assert.True(name.Contains('<') || product.Contains('<') || product.Contains('&'), $"{name} / {product} fell back");
            }
        }
    }

    [Fact]
    public async Task Render_StoredVersion_TextFromTheTemplateMatchesThePreview()
    {
        var renderer = new EmailRenderer(Templates());
        var ct = TestContext.Current.CancellationToken;
        var model = Model("Ken", "Tee", vip: true);
        foreach (var i in Enumerable.Range(0, 3))
        {
            var saved = await renderer.RenderAsync(new MessageTemplate(51, 2, new EmailContent("Hi", Picks, Preheader: "New picks")), model, TemplateRenderOptions.Default, ct);
            var preview = await renderer.RenderAsync(new MessageTemplate(0, 0, new EmailContent("Hi", Picks, Preheader: "New picks")), model, TemplateRenderOptions.Default, ct);

            var text = ((RenderedEmail)saved.Content!).Text;
            Assert.Equal(((RenderedEmail)preview.Content!).Text, text);
            Assert.Contains("View Tee (https://shop.example.com/p/a1?utm_source=kizuna&r=x1)", text, StringComparison.Ordinal);
            Assert.Contains("Unsubscribe (https://k.example/u)", text, StringComparison.Ordinal);
            Assert.DoesNotContain("New picks", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("<p>{%- if a -%}x{% endif %}</p>")]
    [InlineData("<p>{% capture c %}<b>x</b>{% endcapture %}{{ c }}</p>")]
    [InlineData("<p>{% cycle 'a', 'b' %}</p>")]
    [InlineData("<p><a href=\"{{ url }}\">Go</a></p>")]
    [InlineData("<p><a href=\"https://x.example/{{ p }}\">{{ label }}</a></p>")]
    [InlineData("<p>&#123;&#123; x }}</p>")]
    [InlineData("<head><title>{% if a %}x</title></head><body>{% endif %}</body>")]
    public void Derive_TextThatCouldDependOnTheDataOtherwise_LeftToEachMessage(string source) =>
        Assert.Null(LiquidHtmlText.Derive(source));

    private static TemplateService Templates() => new(
        Options.Create(new TemplateOptions()), TimeProvider.System, EmptyContentBlockSource.Instance, DisabledConnectedContentFetcher.Instance, [new EmailTextFilters()]);

    private static TemplateModel Model(string name, string product, bool vip) => new TemplateModel()
        .Set("first_name", name).Set("name", name).Set("month", "November").Set("ref", "x1").Set("vip", vip).Set("order", 1001)
        .Set("items", new[] { product, "Cups" })
        .Set("unsubscribe_url", "https://k.example/u").Set("preferences_url", "https://k.example/p")
        .Set("products", new[]
        {
            new Dictionary<string, object> { ["sku"] = "a1", ["name"] = product, ["price"] = 1980m },
            new Dictionary<string, object> { ["sku"] = "b2", ["name"] = "Cap", ["price"] = 2480.5m },
        });
}
