using Kizuna.Segments.Definitions;

namespace Kizuna.Segments;

public sealed class SegmentTextTests
{
    [Theory]
    [InlineData("""trait.country = "JP" and performed("Order Completed", count >= 2, within 90d) and not performed("Email Opened", within 30d)""")]
    [InlineData("""trait.会員ランク = "ゴールド" or value.rfm_segment in ["Champions", "優良顧客"]""")]
    [InlineData("""(trait.a = 1 or trait.b = 2) and not (trait.c exists and trait.d is not set)""")]
    [InlineData("""trait.tags:list contains "vip" and trait.x:string exists and trait."first name" starts with "山\"田\\" """)]
    [InlineData("""performed("Order Completed", count between 2 and 5, between 2026-01-01 and 2026-03-31, property.total > 5000, property.items.category:list contains "tea")""")]
    [InlineData("""first_performed("Signed Up") more than 30 days ago and last_performed("Order Completed", property.coupon exists) after 2026-10-01""")]
    [InlineData("""order_count >= 2 and total_spent > 10000.5 and average_order_value between 3000 and 8000 and last_order_at less than 60 days ago""")]
    [InlineData("""bought(category "緑茶", within 30d) and not refunded() and refunded(within 7d) and in_segment(42) and bucket < 10""")]
    [InlineData("""all(trait.birthday anniversary within 7 days) and any(profile.timezone = "Asia/Tokyo") and trait.a = 1 and (trait.b = 2 and trait.c = 3)""")]
    [InlineData("""not not trait.vip = true or (trait.a = 1 or trait.b = false)""")]
    public void FormatOfParse_IsTheSameTree(string text)
    {
        var parsed = SegmentDefinition.FromText(text);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));

        var formatted = SegmentDefinition.ToText(parsed.Condition!);
        var again = SegmentDefinition.FromText(formatted);
        var json = SegmentDefinition.ToJson(parsed.Condition!);

        Assert.Equal(parsed.Condition, again.Condition);
        Assert.Equal(parsed.Condition, SegmentDefinition.FromJson(json).Condition);
        Assert.Equal(formatted, SegmentDefinition.ToText(SegmentDefinition.FromJson(json).Condition!));
    }

    [Fact]
    public void ToJson_KeepsJapaneseReadable()
    {
        var parsed = SegmentDefinition.FromText("""trait.country = "日本" """);

        Assert.Equal("""{"kind":"trait","name":"country","type":"string","op":"equals","value":"日本"}""", SegmentDefinition.ToJson(parsed.Condition!));
    }

    [Theory]
    [InlineData("trait.country = ", 1, 17, "expected a value")]
    [InlineData("trait.country = \"JP\"\n  and performed(\"X\", within 30)", 2, 29, "expected a number of days such as 30d")]
    [InlineData("trait.country = \"JP\" also", 1, 22, "expected the end")]
    [InlineData("trait.country ~ \"JP\"", 1, 15, "unexpected character '~'")]
    [InlineData("trait.name = \"山田", 1, 14, "a string is not closed")]
    [InlineData("purchased(\"X\")", 1, 1, "unknown condition 'purchased'")]
    public void FromText_SyntaxError_NamesLineAndColumn(string text, int line, int column, string message)
    {
        var error = Assert.Single(SegmentDefinition.FromText(text).Errors);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }
}
