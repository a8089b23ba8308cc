using System.Text;
using Kizuna.Commerce;
using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Imports;

public sealed class ImportServiceTests
{
    private const string OrdersMapping = """
        {
          "kind": "orders",
          "columns": { "order_id": "Invoice", "user_id": "Customer", "product_id": "Sku", "name": "Item",
                       "quantity": "Qty", "price": "Price", "timestamp": "Date" },
          "timestampFormat": "yyyy-MM-dd HH:mm",
          "timeZone": "Europe/London",
          "currency": "GBP",
          "cancellationPrefix": "C",
          "traits": { "country": "Country" }
        }
        """;

    private const string Header = "Invoice,Sku,Item,Qty,Date,Price,Customer,Country";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_BadLines_ReportsLineNumberAndReasonAndLoadsGoodLines(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "1001,A1,Teapot,2,2011-03-01 10:00,12.50,c1,United Kingdom",
            "1001,B2,Cup,six,2011-03-01 10:00,3.00,c1,United Kingdom",
            ",B2,Cup,1,2011-03-01 10:00,3.00,c1,United Kingdom",
            "1002,B2,Cup,1,01/03/2011,3.00,c2,France",
            "1003,B2,Cup,1,2011-03-02 10:00,3.00,,United Kingdom",
            "1004,B2,Cup,4,2011-03-03 11:00,3.00,c2,France");

        var report = await ImportAsync(host, csv, OrdersMapping);

        Assert.Equal(6, report.LinesRead);
        Assert.Equal(2, report.Orders);
        Assert.Equal(2, report.Customers);
        Assert.Equal(1, report.SkippedWithoutCustomer);
        Assert.Equal(3, report.BadLines);
        Assert.Collection(report.Errors,
            e => { Assert.Equal(3, e.Line); Assert.Contains("quantity", e.Reason, StringComparison.Ordinal); Assert.Contains("not a number", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(4, e.Line); Assert.Contains("order_id", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(5, e.Line); Assert.Contains("timestamp", e.Reason, StringComparison.Ordinal); });
        var c1 = await FindAsync(host, "c1");
        Assert.Equal(1, c1.Profile.Aggregates.Orders);
        Assert.Equal(25m, c1.Profile.Aggregates.TotalSpent);
        Assert.Equal("United Kingdom", (string?)c1.Profile.Traits["country"]);
        var c2 = await FindAsync(host, "c2");
        Assert.Equal(12m, c2.Profile.Aggregates.TotalSpent);
        Assert.NotNull(await host.Get<ProductCatalog>().FindAsync(host.Workspace.Id, "B2", TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_LocalTimestamps_AreStoredInUtcForTheMappedZone(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(Header, "3001,A1,Teapot,1,2011-07-01 10:00,20.00,summer,United Kingdom");

        await ImportAsync(host, csv, OrdersMapping);

        var profile = await FindAsync(host, "summer");
        var order = Assert.Single(await host.Get<ProfileService>().OrdersAsync(host.Workspace.Id, profile.Profile.Id, TestContext.Current.CancellationToken));
        Assert.Equal(new DateTimeOffset(2011, 7, 1, 9, 0, 0, TimeSpan.Zero), order.PlacedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_CancellationOfImportedOrder_RefundsTheOriginal(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "2001,A1,Teapot,2,2011-03-01 10:00,10.00,c9,United Kingdom",
            "C2001,A1,Teapot,-1,2011-03-05 10:00,10.00,c9,United Kingdom",
            "C7777,A1,Teapot,-1,2011-03-05 10:00,10.00,c9,United Kingdom");

        var report = await ImportAsync(host, csv, OrdersMapping);

        Assert.Equal(2, report.Cancellations);
        Assert.Equal(1, report.CancellationsMatched);
        Assert.Equal(1, report.CancellationLinesUnmatched);
        var profile = await FindAsync(host, "c9");
        var order = Assert.Single(await host.Get<ProfileService>().OrdersAsync(host.Workspace.Id, profile.Profile.Id, TestContext.Current.CancellationToken));
        Assert.Equal("partially_refunded", order.Status);
        Assert.Equal(10m, order.RefundedAmount);
        Assert.Equal(10m, profile.Profile.Aggregates.TotalSpent);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_CancellationMatchedByCustomerAndProduct_RefundsTheNewestOrderWithEachProduct(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "5001,A1,Teapot,1,2011-03-01 10:00,10.00,c5,United Kingdom",
            "5001,B2,Cup,2,2011-03-01 10:00,4.00,c5,United Kingdom",
            "5002,A1,Teapot,1,2011-03-02 10:00,10.00,c5,United Kingdom",
            "C6001,A1,Teapot,-1,2011-03-03 10:00,10.00,c5,United Kingdom",
            "C6001,B2,Cup,-1,2011-03-03 10:00,4.00,c5,United Kingdom",
            "C6001,Z9,Vase,-1,2011-03-03 10:00,30.00,c5,United Kingdom");

        var report = await ImportAsync(host, csv, OrdersMapping.Replace("\"cancellationPrefix\": \"C\",", "\"cancellationPrefix\": \"C\", \"cancellationMatch\": \"customerProduct\",", StringComparison.Ordinal));

        Assert.Equal(2, report.CancellationsMatched);
        Assert.Equal(1, report.CancellationLinesUnmatched);
        var profile = await FindAsync(host, "c5");
        var orders = (await host.Get<ProfileService>().OrdersAsync(host.Workspace.Id, profile.Profile.Id, TestContext.Current.CancellationToken)).ToDictionary(o => o.OrderId);
        Assert.Equal("partially_refunded", orders["5001"].Status);
        Assert.Equal(4m, orders["5001"].RefundedAmount);
        Assert.Equal("refunded", orders["5002"].Status);
        Assert.Equal(14m, profile.Profile.Aggregates.TotalSpent);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_SameCustomersFileTwice_SecondRunStoresNothing(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv("id,mail,first,city", "u1,ann@example.com,Ann,Leeds", "u2,bo@example.com,Bo,York");
        const string mapping = """{ "kind": "customers", "columns": { "user_id": "id", "email": "mail" }, "traits": { "firstName": "first", "city": "city" } }""";

        var first = await ImportAsync(host, csv, mapping);
        var second = await ImportAsync(host, csv, mapping);

        Assert.Equal(2, first.Stored);
        Assert.Equal(0, second.Stored);
        Assert.Equal(2, second.Duplicates);
        var ann = await FindAsync(host, "u1");
        Assert.Equal("ann@example.com", ann.Profile.Email);
        Assert.Equal("Leeds", (string?)ann.Profile.Traits["city"]);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_EventsFile_TracksEventsWithProperties(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv("who,what,when,plan", "e1,Signed Up,2024-05-01T10:00:00Z,pro", "e1,Upgraded,2024-06-01T10:00:00Z,team", "e2,,2024-06-01T10:00:00Z,free");
        const string mapping = """{ "kind": "events", "columns": { "user_id": "who", "event": "what", "timestamp": "when" }, "properties": { "plan": "plan" } }""";

        var report = await ImportAsync(host, csv, mapping);

        Assert.Equal(2, report.Events);
        Assert.Equal(4, Assert.Single(report.Errors).Line);
        var profile = await FindAsync(host, "e1");
        Assert.Equal(2, profile.Profile.Aggregates.Events);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_ProductsFile_UpsertsTheCatalogue(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv("sku;title;price", "T-1;Sencha 100 g;1200", "T-2;Hojicha 100 g;abc", "T-1;Sencha 100 g (new);1300");
        const string mapping = """{ "kind": "products", "columns": { "product_id": "sku", "name": "title", "price": "price" }, "currency": "JPY", "delimiter": ";" }""";

        var report = await ImportAsync(host, csv, mapping);

        Assert.Equal(1, report.Products);
        Assert.Equal(3, Assert.Single(report.Errors).Line);
        var product = await host.Get<ProductCatalog>().FindAsync(host.Workspace.Id, "T-1", TestContext.Current.CancellationToken);
        Assert.Equal("Sencha 100 g (new)", product?.Name);
        Assert.Equal(1300, product?.Price);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_TimestampOutOfRangeInTheZone_ReportsTheLineAndLoadsTheRest(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv("who,when", "z1,2024-05-01 10:00", "z1,0001-01-01 00:00", "z1,9999-12-31 23:59", "z1,2024-05-02 10:00");
        const string mapping = """{ "kind": "events", "event": "Visited", "columns": { "user_id": "who", "timestamp": "when" }, "timestampFormat": "yyyy-MM-dd HH:mm", "timeZone": "Asia/Tokyo" }""";

        var report = await ImportAsync(host, csv, mapping);

        Assert.Equal(3, report.Events);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("timestamp (when)", error.Reason, StringComparison.Ordinal);
        Assert.Equal(3, (await FindAsync(host, "z1")).Profile.Aggregates.Events);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_TimestampWithoutADate_IsABadLineOnAnyDay(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv("who,when", "t1,10:30", "t1,Friday 10:30", "t1,2024-05-02T10:00:00Z");
        const string mapping = """{ "kind": "events", "event": "Visited", "columns": { "user_id": "who", "timestamp": "when" } }""";

        var report = await ImportAsync(host, csv, mapping);

        Assert.Equal(1, report.Events);
        Assert.Equal([2, 3], report.Errors.Select(e => e.Line));
        Assert.All(report.Errors, e => Assert.Contains("timestamp (when)", e.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_TimestampFormatWithOffset_IsReadAsThatInstant(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(Header, "3002,A1,Teapot,1,2011-07-01 10:00 +02:00,20.00,offset,Germany");

        await ImportAsync(host, csv, OrdersMapping.Replace("yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm zzz", StringComparison.Ordinal));

        var profile = await FindAsync(host, "offset");
        var order = Assert.Single(await host.Get<ProfileService>().OrdersAsync(host.Workspace.Id, profile.Profile.Id, TestContext.Current.CancellationToken));
        Assert.Equal(new DateTimeOffset(2011, 7, 1, 8, 0, 0, TimeSpan.Zero), order.PlacedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_AmountsOutsideTheTrackingLimits_ReportsTheLinesAndLoadsTheRest(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "4001,A1,Teapot,1e308,2011-03-01 10:00,1e308,big,United Kingdom",
            "4002,A1,Teapot,1,2011-03-01 10:00,-5.00,big,United Kingdom",
            "4003,A1,Teapot,2000000,2011-03-01 10:00,1.00,big,United Kingdom",
            "4004,A1,Teapot,1,2011-03-01 10:00,600000000000,big,United Kingdom",
            "4004,B2,Cup,1,2011-03-01 10:00,600000000000,big,United Kingdom",
            "4005,A1,Teapot,2,2011-03-02 10:00,12.50,big,United Kingdom");

        var report = await ImportAsync(host, csv, OrdersMapping);

        Assert.Equal(2, report.Orders);
        Assert.Collection(report.Errors,
            e => { Assert.Equal(2, e.Line); Assert.Contains("price (Price) '1e308' must be a number from 0 to 1,000,000,000,000", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(3, e.Line); Assert.Contains("price (Price) '-5.00' must be a number from 0 to 1,000,000,000,000", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(4, e.Line); Assert.Contains("quantity (Qty) '2000000' must be at most 1,000,000", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(6, e.Line); Assert.Contains("total of order 4004", e.Reason, StringComparison.Ordinal); });
        Assert.Equal(600_000_000_025m, (await FindAsync(host, "big")).Profile.Aggregates.TotalSpent);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_IdLongerThanTheTrackingApiAllows_ReportsTheLine(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        var longId = new string('x', Kizuna.Ingestion.SegmentParser.MaxIdLength + 1);
        using var csv = new TempCsv(
            Header,
            $"{longId},A1,Teapot,1,2011-03-01 10:00,1.00,ids,United Kingdom",
            $"4101,A1,Teapot,1,2011-03-01 10:00,1.00,{longId},United Kingdom",
            "4102,A1,Teapot,1,2011-03-01 10:00,1.00,ids,United Kingdom");

        var report = await ImportAsync(host, csv, OrdersMapping);

        Assert.Equal(1, report.Orders);
        Assert.Collection(report.Errors,
            e => { Assert.Equal(2, e.Line); Assert.Contains("order_id (Invoice) is 513 characters long; the limit is 512", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(3, e.Line); Assert.Contains("user_id (Customer)", e.Reason, StringComparison.Ordinal); });
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_ValueWithNulCharacter_ReportsTheLineAndLoadsTheRest(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv("who,when,plan", "n1,2024-05-01T10:00:00Z,pro\0team", "n1,2024-05-02T10:00:00Z,pro");
        const string mapping = """{ "kind": "events", "event": "Renewed", "columns": { "user_id": "who", "timestamp": "when" }, "properties": { "plan": "plan" } }""";

        var report = await ImportAsync(host, csv, mapping);

        Assert.Equal(1, report.Events);
        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("plan", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHeaderAsync_MappedColumnMissing_NamesTheField()
    {
        using var csv = new TempCsv("Invoice,Sku,Item,Qty,Date,Price,Country", "1,A,B,1,2011-01-01 10:00,1,UK");

        var ex = await Assert.ThrowsAsync<ImportMappingException>(() =>
            ImportService.CheckHeaderAsync(csv.Path, ImportMappingParser.Parse(OrdersMapping), TestContext.Current.CancellationToken));

        Assert.Equal("columns.user_id", ex.Field);
    }

    [Fact]
    public async Task ImportAsync_ShiftJisFileWithItsEncodingNamed_ReadsJapaneseNames()
    {
        await using var host = await CoreHost.StartAsync();
        using var csv = new TempCsv();
        File.WriteAllBytes(csv.Path, CodePagesEncodingProvider.Instance.GetEncoding("shift_jis")!.GetBytes("顧客ID,氏名\nc1,山田 花子\n"));
        const string mapping = """{ "kind": "customers", "columns": { "user_id": "顧客ID" }, "traits": { "name": "氏名" }, "encoding": "shift_jis" }""";

        var report = await ImportAsync(host, csv, mapping);

        Assert.Equal(0, report.BadLines);
        Assert.Equal("山田 花子", (await FindAsync(host, "c1")).Profile.Traits["name"]?.GetValue<string>());
    }

    private static Task<ImportReport> ImportAsync(CoreHost host, TempCsv csv, string mapping) =>
        host.Get<ImportService>().ImportAsync(host.Workspace.Id, csv.Path, ImportMappingParser.Parse(mapping), null, TestContext.Current.CancellationToken);

    private static async Task<ProfileDetail> FindAsync(CoreHost host, string userId) =>
        await host.Get<ProfileService>().FindAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, userId), TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No profile for {userId}.");
}
