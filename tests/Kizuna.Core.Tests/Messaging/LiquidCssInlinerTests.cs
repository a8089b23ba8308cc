using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Content;
using Kizuna.Templates;

namespace Kizuna.Core.Tests.Messaging;

public sealed class LiquidCssInlinerTests
{
    private const string Html =
        """
        <html><head><style>
        .card { color: #b00020 } .name { font-weight: bold } a.button { background: #0a7cff }
        @media (max-width: 600px) { .card { padding: 0 } }
        </style></head><body>
        <h1 class="name">Hello {{ name | escape }},</h1>
        <table><tbody>
        {% for p in products %}
        <tr><td class="card"><a class="button" href="https://shop.example.com/p/{{ p.sku }}?r={{ ref }}">{{ p.name }}</a></td></tr>
        {% endfor %}
        </tbody></table>
        {% if vip %}<p class="card">VIP</p>{% endif %}
        </body></html>
        """;

    private static TemplateModel Model() => new TemplateModel()
        .Set("name", "Ken & Aki").Set("ref", "x1").Set("vip", true)
        .Set("products", new[] { new Dictionary<string, object> { ["sku"] = "a1", ["name"] = "Tee" }, new Dictionary<string, object> { ["sku"] = "b2", ["name"] = "Cap" } });

    [Fact]
    public async Task Render_SavedVersion_SameHtmlAsInliningEachRenderedMessage()
    {
        var renderer = new EmailRenderer(TemplateService.CreateDefault());
        var ct = TestContext.Current.CancellationToken;
        var saved = await renderer.RenderAsync(new MessageTemplate(41, 3, new EmailContent("Hi", Html)), Model(), TemplateRenderOptions.Default, ct);
        var preview = await renderer.RenderAsync(new MessageTemplate(0, 0, new EmailContent("Hi", Html)), Model(), TemplateRenderOptions.Default, ct);

        var html = ((RenderedEmail)saved.Content!).Html;
        Assert.Equal(((RenderedEmail)preview.Content!).Html, html);
        Assert.Contains("style=\"color: #b00020\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://shop.example.com/p/b2?r=x1\"", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("#b00020").Length - 1);
        Assert.Contains("@media", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_LiquidSource_KeepsEveryTagVerbatim()
    {
        var inlined = LiquidCssInliner.Inline(Html);

        Assert.NotNull(inlined);
        Assert.Contains("{% for p in products %}", inlined, StringComparison.Ordinal);
        Assert.Contains("href=\"https://shop.example.com/p/{{ p.sku }}?r={{ ref }}\"", inlined, StringComparison.Ordinal);
        Assert.Contains("<td class=\"card\" style=\"color: #b00020\">", inlined, StringComparison.Ordinal);
        Assert.DoesNotContain("kzliquid", inlined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_LoopOverRowsWithoutTbody_EveryRowStyled()
    {
        // The parser opens a tbody after the loop's start; each row then comes in a tbody of its own, which mail
        // clients show the same as one.
        var source = Html.Replace("<table><tbody>", "<table>", StringComparison.Ordinal).Replace("</tbody></table>", "</table>", StringComparison.Ordinal);
        var renderer = new EmailRenderer(TemplateService.CreateDefault());
        var saved = await renderer.RenderAsync(new MessageTemplate(42, 1, new EmailContent("Hi", source)), Model(), TemplateRenderOptions.Default, TestContext.Current.CancellationToken);

        var html = ((RenderedEmail)saved.Content!).Html;
        Assert.Contains("p/a1?r=x1", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("#b00020").Length - 1);
        Assert.Contains("p/b2?r=x1", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<style>.a { color: {{ brand }} }</style><p class=\"a\">x</p>")]
    [InlineData("<style>.a { color: red }</style><p {{ attributes }}>x</p>")]
    [InlineData("<style>.a { color: red }</style>{% content_block \"footer\" %}")]
    public void Inline_SourceItCannotHold_LeftToEachMessage(string source) =>
        Assert.Null(LiquidCssInliner.Inline(source));
}
