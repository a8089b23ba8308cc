using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Templates;

public sealed class JapaneseEmailTests
{
    private const string Template = """
        {{ customer.last_name }} {{ customer.first_name }}様
        {{ event.properties.product_name | truncate: 10 }}のご注文ありがとうございます。
        ご注文日時: {{ event.timestamp | date: "%Y年%m月%d日 %H:%M", "Asia/Tokyo" }}
        合計: {{ event.properties.total | currency: "JPY", "ja-JP" }}
        文字数: {{ event.properties.product_name | size }} / {{ "🍣寿司" | size }}
        """;

    [Fact]
    public async Task RenderAsync_JapaneseOrderEmail_RendersExactText()
    {
        var service = TemplateService.CreateDefault(new FakeTimeProvider());
        var data = JsonDocument.Parse("""
            {
              "customer": { "first_name": "花子", "last_name": "山田" },
              "event": {
                "timestamp": "2025-03-01T15:30:00Z",
                "properties": { "product_name": "北海道産ゆめぴりか新米５キロ袋", "total": 4980 }
              }
            }
            """).RootElement;

        var result = await service.RenderAsync(Template, TemplateModel.FromJson(data), new TemplateRenderOptions
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"),
            Culture = CultureInfo.GetCultureInfo("ja-JP"),
        }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(
            """
            山田 花子様
            北海道産ゆめぴ...のご注文ありがとうございます。
            ご注文日時: 2025年03月02日 00:30
            合計: ￥4,980
            文字数: 15 / 3
            """,
            result.Output);
    }

    [Theory]
    [InlineData("{{ 1200 | currency: 'JPY', 'ja-JP' }}", "￥1,200")]
    [InlineData("{{ 1234.5 | currency: 'USD', 'en-US' }}", "$1,234.50")]
    [InlineData("{{ 1234567.891 | number: 2, 'ja-JP' }}", "1,234,567.89")]
    [InlineData("{{ '🍣🍣🍣🍣' | truncate: 3, '…' }}", "🍣🍣…")]
    [InlineData("{{ 'こんにちは世界' | slice: 5, 2 }}", "世界")]
    public async Task RenderAsync_LocaleAndCharacterFilters_MatchExpected(string template, string expected)
    {
        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Output);
    }
}
