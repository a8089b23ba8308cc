using Kizuna.Commerce;

namespace Kizuna.Imports;

public sealed class ImportMappingParserTests
{
    [Fact]
    public void Parse_ShippedOnlineRetailMapping_ReadsEveryMember()
    {
        var mapping = ImportMappingParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "examples", "online_retail.mapping.json")));

        Assert.Equal(ImportKind.Orders, mapping.Kind);
        Assert.Equal("InvoiceNo", mapping.Column(ImportFields.OrderId));
        Assert.Equal("CustomerID", mapping.Column(ImportFields.UserId));
        Assert.Equal("Country", mapping.Traits["country"]);
        Assert.Equal("GBP", mapping.Currency);
        Assert.Equal("C", mapping.CancellationPrefix);
        Assert.Equal(OrderEventKind.Refunded, mapping.CancellationAs);
        Assert.Equal(CancellationMatch.CustomerProduct, mapping.CancellationMatch);
        Assert.True(mapping.NumericIds);
        Assert.Equal("Europe/London", mapping.TimeZone.Id);
    }

    [Theory]
    [InlineData("""{ "kind": "invoices", "columns": {} }""", "kind")]
    [InlineData("""{ "columns": {} }""", "kind")]
    [InlineData("""{ "kind": "orders", "columns": { "order_id": "A", "product_id": "B", "quantity": "C", "price": "D", "timestamp": "E" } }""", "columns.user_id")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A", "order_id": "B" } }""", "columns.order_id")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timeZone": "Mars/Olympus" }""", "timeZone")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "currency": "pounds" }""", "currency")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "traits": { "country": 3 } }""", "traits.country")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "colums": {} }""", "colums")]
    [InlineData("""{ "kind": "events", "columns": { "user_id": "A", "timestamp": "B" } }""", "event")]
    [InlineData("""{ "kind": "events", "event": "Signed Up", "columns": { "timestamp": "B" } }""", "columns.user_id")]
    [InlineData("""{ "kind": "orders", """, "mapping")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "cancellationMatch": "guess" }""", "cancellationMatch")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "delimiter": "\"" }""", "delimiter")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "delimiter": "\n" }""", "delimiter")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "delimiter": "\r" }""", "delimiter")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "delimiter": "é" }""", "delimiter")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timeZone": "America" }""", "timeZone")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "encoding": "klingon-8" }""", "encoding")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "encoding": "utf-7" }""", "encoding")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "%" }""", "timestampFormat")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "" }""", "timestampFormat")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "dddd" }""", "timestampFormat")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "dddd HH:mm" }""", "timestampFormat")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "HH:mm" }""", "timestampFormat")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "MM-dd HH:mm" }""", "timestampFormat")]
    [InlineData("""{ "kind": "customers", "columns": { "user_id": "A" }, "subscriptions": { "Fax Line": "B" } }""", "subscriptions.Fax Line")]
    [InlineData("""{ "kind": "events", "columns": { "user_id": "A", "timestamp": "T" }, "event": "x", "subscriptions": { "email": "B" } }""", "subscriptions")]
    public void Parse_InvalidMapping_NamesTheField(string json, string field)
    {
        var ex = Assert.Throws<ImportMappingException>(() => ImportMappingParser.Parse(json));

        Assert.Equal(field, ex.Field);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Theory]
    [InlineData("orders,products")]
    [InlineData("5")]
    [InlineData("Orders , Products")]
    public void Parse_KindNumberOrList_IsRefusedListingTheKinds(string kind)
    {
        var ex = Assert.Throws<ImportMappingException>(() => ImportMappingParser.Parse($$"""{ "kind": "{{kind}}", "columns": { "product_id": "A", "name": "B" } }"""));

        Assert.Equal("kind", ex.Field);
        Assert.Contains("customers, orders, products, events", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "kind": "Products", "columns": { "product_id": "A", "name": "B" } }""", ImportKind.Products)]
    [InlineData("""{ "kind": "EVENTS", "event": "Seen", "columns": { "user_id": "A", "timestamp": "B" } }""", ImportKind.Events)]
    public void Parse_KindInAnyCase_IsRead(string json, ImportKind kind)
    {
        Assert.Equal(kind, ImportMappingParser.Parse(json).Kind);
    }

    [Theory]
    [InlineData("yyyy-MM-dd HH:mm zzz")]
    [InlineData("dddd, d MMMM yyyy HH:mm K")]
    [InlineData("M/d/yyyy H:mm")]
    public void Parse_FormatWithAWholeDate_IsKept(string format)
    {
        var mapping = ImportMappingParser.Parse($$"""{ "kind": "customers", "columns": { "user_id": "A" }, "timestampFormat": "{{format}}" }""");

        Assert.Equal(format, mapping.TimestampFormat);
    }

    [Fact]
    public void Parse_EventsWithFixedName_NeedsNoEventColumn()
    {
        var mapping = ImportMappingParser.Parse("""{ "kind": "events", "event": "Signed Up", "columns": { "user_id": "id", "timestamp": "at" }, "delimiter": ";" }""");

        Assert.Equal("Signed Up", mapping.Event);
        Assert.Equal(';', mapping.Delimiter);
        Assert.Equal(TimeZoneInfo.Utc, mapping.TimeZone);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kizuna.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Kizuna.slnx not found above the test's folder.");
    }
}
