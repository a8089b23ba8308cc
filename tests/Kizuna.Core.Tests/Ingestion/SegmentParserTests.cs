using System.Text;
using System.Text.Json;

namespace Kizuna.Ingestion;

public sealed class SegmentParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly SegmentParser _parser = new(new IngestionOptions());

    [Fact]
    public void Parse_TrackWithoutEvent_NamesTheField()
    {
        var error = Parse("""{"type":"track","userId":"u1","messageId":"m1"}""").Error!;

        Assert.Equal(("event", "m1"), (error.Field, error.MessageId));
    }

    [Theory]
    [InlineData("""{"type":"track","event":"X"}""", "userId")]
    [InlineData("""{"type":"shout","userId":"u"}""", "type")]
    [InlineData("""{"type":"alias","userId":"u"}""", "previousId")]
    [InlineData("""{"type":"track","userId":"u","event":"X","properties":[1]}""", "properties")]
    [InlineData("""{"type":"track","userId":"u","event":"X","timestamp":"yesterday"}""", "timestamp")]
    [InlineData("""{"type":"identify","userId":"u","traits":{"email":42}}""", "traits.email")]
    [InlineData("""{"type":"identify","userId":"u","traits":{"birthday":"someday"}}""", "traits.birthday")]
    [InlineData("""{"type":"group","userId":"u","traits":{"name":"Acme"}}""", "groupId")]
    [InlineData("""{"type":"group","userId":"u","groupId":{"id":1}}""", "groupId")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","products":[{"price":"cheap"}]}}""", "properties.products[0].price")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","total":1e400}}""", "properties.total")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","revenue":"NaN"}}""", "properties.revenue")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","total":-500}}""", "properties.total")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Refunded","properties":{"order_id":"o","total":-1000}}""", "properties.total")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","products":[{"price":1e300,"quantity":1e300}]}}""", "properties.products[0].price")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","products":[{"price":5,"quantity":-2}]}}""", "properties.products[0].quantity")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","products":[{"price":1e12,"quantity":2}]}}""", "properties.products")]
    [InlineData("""{"type":"identify","userId":"u","context":{"traits":{"age":"thirty"}}}""", "context.traits.age")]
    public void Parse_InvalidMessage_ReportsTheFieldAtFault(string json, string field) =>
        Assert.Equal(field, Parse(json).Error!.Field);

    [Theory]
    [InlineData("""{"type":"track","event":"X","userId":""}""", "userId", "must not be empty")]
    [InlineData("""{"type":"track","event":"X","userId":true}""", "userId", "must be a string or a number")]
    [InlineData("""{"type":"page","anonymousId":"LONG"}""", "anonymousId", "must be at most 512 characters")]
    [InlineData("""{"type":"page","anonymousId":"a","messageId":{}}""", "messageId", "must be a string or a number")]
    [InlineData("""{"type":"alias","userId":"u","previousId":""}""", "previousId", "must not be empty")]
    [InlineData("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"LONG"}}""", "properties.order_id", "must be at most 512 characters")]
    public void Parse_UnusableIdentifier_SaysWhy(string json, string field, string reason)
    {
        var error = Parse(json.Replace("LONG", new string('a', SegmentParser.MaxIdLength + 1), StringComparison.Ordinal)).Error!;

        Assert.Equal((field, reason), (error.Field, error.Reason));
    }

    [Fact]
    public void Parse_TrackWithContextTraitsOfAnyShape_IsAccepted()
    {
        var result = Parse("""{"type":"track","userId":"u","event":"Opened","context":{"traits":{"age":"30","email":7}}}""");

        Assert.Null(result.Error);
        Assert.Null(result.Message!.TraitsJson);
    }

    [Fact]
    public void Parse_SentAtOffTheCalendar_KeepsTheStatedTime()
    {
        var message = Parse("""{"type":"track","userId":"u","event":"E","timestamp":"2020-01-01T00:00:00Z","sentAt":"9999-12-31T23:59:59Z"}""").Message!;

        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), message.Timestamp);
    }

    [Theory]
    [InlineData("2024-06-01T10:00:00Z", "0001-01-01T00:00:00Z")]   // corrected by an absurd sentAt: the year 4049
    [InlineData("9999-12-31T00:00:00Z", null)]
    [InlineData("2026-11-24T12:00:01Z", null)]                      // a second past the 24 hours ahead allowed
    [InlineData("0001-01-01T00:00:00Z", null)]
    [InlineData("1970-01-01T00:00:00Z", null)]                      // a clock reset to the epoch
    public void Parse_TimeOutsideTheWindow_IsTheArrivalTimeWithTheStatedTimeKept(string timestamp, string? sentAt)
    {
        var sent = sentAt is null ? "" : $$""","sentAt":"{{sentAt}}" """;
        var message = Parse($$"""{"type":"track","userId":"u","event":"E","timestamp":"{{timestamp}}","context":{"ip":"203.0.113.1"}{{sent}}}""").Message!;

        var stated = DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((ReceivedAt, stated), (message.Timestamp, message.StatedTimestamp));
        using var context = JsonDocument.Parse(message.ContextJson!);
        Assert.Equal(stated, context.RootElement.GetProperty("originalTimestamp").GetDateTimeOffset());
        Assert.Equal("203.0.113.1", context.RootElement.GetProperty("ip").GetString());
    }

    [Theory]
    [InlineData("2026-11-24T12:00:00Z")]   // 24 hours ahead
    [InlineData("1990-05-01T08:00:00Z")]   // a historical backfill
    public void Parse_TimeInsideTheWindow_IsKeptWithTheContextAsSent(string timestamp)
    {
        var message = Parse($$"""{"type":"track","userId":"u","event":"E","timestamp":"{{timestamp}}"}""").Message!;

        Assert.Equal(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), message.Timestamp);
        Assert.Null(message.ContextJson);
    }

    [Fact]
    public void Parse_DeviceClockDecadesAhead_IsCorrectedIntoTheWindow()
    {
        var message = Parse("""{"type":"track","userId":"u","event":"E","timestamp":"2099-01-01T00:00:00Z","sentAt":"2099-01-01T00:00:02Z"}""").Message!;

        Assert.Equal((ReceivedAt.AddSeconds(-2), null), (message.Timestamp, message.ContextJson));
    }

    [Fact]
    public void Parse_TimeStatedAsSentWithoutSkew_KeepsTheContextAsSent()
    {
        using var document = JsonDocument.Parse("""{"type":"track","userId":"u","event":"E","timestamp":"2026-11-23T11:00:00Z","sentAt":"2026-11-23T11:00:00Z","context":{"ip":"x"}}""");

        var message = _parser.Parse(document.RootElement, 0, null, null, ReceivedAt).Message!;

        Assert.Equal((ReceivedAt, """{"ip":"x"}"""), (message.Timestamp, message.ContextJson));
    }

    [Fact]
    public void Parse_WindowFromTheOptions_BoundsTheTime()
    {
        var parser = new SegmentParser(new IngestionOptions { MaxTimestampAhead = TimeSpan.Zero, MaxTimestampAge = TimeSpan.FromDays(1) });
        using var ahead = JsonDocument.Parse("""{"type":"track","userId":"u","event":"E","timestamp":"2026-11-23T12:00:01Z"}""");
        using var old = JsonDocument.Parse("""{"type":"track","userId":"u","event":"E","timestamp":"2026-11-22T11:59:59Z"}""");

        Assert.Equal(ReceivedAt, parser.Parse(ahead.RootElement, 0, null, null, ReceivedAt).Message!.Timestamp);
        Assert.Equal(ReceivedAt, parser.Parse(old.RootElement, 0, null, null, ReceivedAt).Message!.Timestamp);
    }

    [Theory]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"note":"a\u0000b"}}""", false)]
    [InlineData("""{"type":"track","userId":"u\u0000","event":"E"}""", false)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"path":"C:\\u0000"}}""", true)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"path":"C:\\\u0000"}}""", false)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"note":"a\ud800b"}}""", false)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"note":"\udc00"}}""", false)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"note":"\ud800"}}""", false)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"note":"\ud83d\ude00 \u3042"}}""", true)]
    [InlineData("""{"type":"track","userId":"u","event":"E","properties":{"path":"C:\\ud800"}}""", true)]
    public void Parse_UnstorableEscape_IsRefusedButAnEscapedBackslashBeforeItIsText(string json, bool accepted)
    {
        var result = Parse(json);

        Assert.Equal(accepted, result.Error is null);
        Assert.True(accepted || result.Error!.Reason.Contains("cannot store", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"track","userId":"u","messageId":"m","event":"Bad~"}""", "event", "m")]
    [InlineData("""{"type":"track","userId":"u","messageId":"m","event":"E","properties":{"tags":["ok","~"]}}""", "properties.tags[1]", "m")]
    [InlineData("""{"type":"track","userId":"u","messageId":"m~","event":"E"}""", "messageId", null)]
    [InlineData("""{"type":"identify","userId":"u","traits":{"n~me":"x"}}""", "traits", null)]
    public void Parse_TextThatIsNotUtf8_IsRefusedNamingTheField(string json, string field, string? messageId)
    {
        // '~' stands for the raw byte 0xFF, which no UTF-8 text contains.
        var bytes = Encoding.UTF8.GetBytes(json).Select(b => b == (byte)'~' ? (byte)0xFF : b).ToArray();
        using var document = JsonDocument.Parse(bytes);

        var error = _parser.Parse(document.RootElement, 1, null, null, ReceivedAt).Error!;

        Assert.Equal((1, field, messageId), (error.Index, error.Field, error.MessageId));
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OversizedMessage_IsRefusedWithTheLimit()
    {
        var parser = new SegmentParser(new IngestionOptions { MaxMessageBytes = 1024 });
        var json = $$$"""{"type":"track","userId":"u","event":"X","properties":{"blob":"{{{new string('x', 2000)}}}"}}""";

        using var document = JsonDocument.Parse(json);
        var error = parser.Parse(document.RootElement, 3, null, null, ReceivedAt).Error!;

        Assert.Equal(3, error.Index);
        Assert.Contains("1024", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeviceClockAhead_CorrectsTimestampBySentAt()
    {
        // The device's clock runs 10 minutes fast: it stamped the event 2 s before it sent it.
        var message = Parse("""
            {"type":"track","userId":"u","event":"X","timestamp":"2026-11-23T12:09:58Z","sentAt":"2026-11-23T12:10:00Z"}
            """).Message!;

        Assert.Equal(ReceivedAt.AddSeconds(-2), message.Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 9, 58, TimeSpan.Zero), message.StatedTimestamp);
    }

    [Fact]
    public void Parse_NoTimestamp_StatesNoneAndUsesReceivedAt()
    {
        var message = Parse("""{"type":"track","userId":"u","event":"X"}""").Message!;

        Assert.Equal((null, ReceivedAt), (message.StatedTimestamp, message.Timestamp));
    }

    [Fact]
    public void Parse_OriginalTimestampWithBatchSentAt_UsesBatchSentAt()
    {
        using var document = JsonDocument.Parse("""{"type":"page","anonymousId":"a","originalTimestamp":"2026-11-23T11:00:00Z"}""");

        var message = _parser.Parse(document.RootElement, 0, null, ReceivedAt.AddHours(1), ReceivedAt).Message!;

        Assert.Equal(ReceivedAt.AddHours(-2), message.Timestamp);
    }

    [Fact]
    public void Parse_OrderCompleted_LiftsTheOrderWithLines()
    {
        var message = Parse("""
            {"type":"track","userId":42,"event":"Order Completed","properties":{"order_id":1001,"revenue":"25.5","currency":"gbp",
             "products":[{"product_id":"p1","name":"Teapot","price":20,"quantity":1},{"sku":"S-2","price":2.75,"quantity":2}]}}
            """).Message!;

        Assert.Equal("42", message.UserId);
        Assert.Equal(("1001", (decimal?)25.5m, "GBP", 2), (message.Order!.OrderId, message.Order.Total, message.Order.Currency, message.Order.Lines.Count));
    }

    [Theory]
    [InlineData("Order Completed", """{"total":5}""")]
    [InlineData("Order Refunded", """{"total":5}""")]
    [InlineData("Order Completed", "null")]
    public void Parse_OrderEventWithoutOrderId_KeepsTheEventWithAWarning(string name, string properties)
    {
        var result = Parse($$"""{"type":"track","userId":"u","event":"{{name}}","properties":{{properties}},"messageId":"m-7"}""");

        Assert.Null(result.Error);
        Assert.Equal(name, result.Message!.Name);
        Assert.Null(result.Message.Order);
        Assert.Equal((0, "m-7", "properties.order_id"), (result.Warning!.Index, result.Warning.MessageId, result.Warning.Field));
        Assert.Contains("no order was recorded", result.Warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AmountsWrittenAsDecimals_AreReadExactly()
    {
        var message = Parse("""
            {"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","currency":"usd",
             "products":[{"price":0.1,"quantity":1},{"price":"0.2","quantity":1},{"price":10802.39,"quantity":3}]}}
            """).Message!;

        Assert.Equal([0.1m, 0.2m, 10802.39m], message.Order!.Lines.Select(l => l.Price));
        Assert.Equal(32407.47m, message.Order.Total);
    }

    [Fact]
    public void Parse_AmountWithBinaryNoise_IsRoundedToFourPlaces()
    {
        var message = Parse("""{"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","total":0.30000000000000004}}""").Message!;

        Assert.Equal("0.3", message.Order!.Total!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_Group_KeepsTheGroupIdAndTraits()
    {
        var message = Parse("""{"type":"group","userId":"u","groupId":42,"traits":{"name":"Acme","plan":"enterprise"}}""").Message!;

        Assert.Equal("42", message.GroupId);
        Assert.Contains("enterprise", message.TraitsJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContextOfTheCustomer_IsLiftedForTheProfile()
    {
        var message = Parse("""
            {"type":"identify","userId":"u","context":{"timezone":"Asia/Tokyo","locale":"ja-JP","campaign":{"source":"newsletter"},"ip":"10.0.0.1"}}
            """).Message!;

        Assert.Equal(("Asia/Tokyo", "ja-JP"), (message.Context!.Timezone, message.Context.Locale));
        Assert.Contains("newsletter", message.Context.CampaignJson, StringComparison.Ordinal);
    }

    private ParseResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return _parser.Parse(document.RootElement, 0, null, null, ReceivedAt);
    }
}
