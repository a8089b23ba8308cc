using System.Globalization;
using Kizuna.Commerce;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Imports;

/// <summary>The lines of an order make one order wherever they lie in the file.</summary>
public sealed class OrderGroupingTests
{
    private const string Mapping = """
        {
          "kind": "orders",
          "columns": { "order_id": "Invoice", "user_id": "Customer", "product_id": "Sku", "name": "Item",
                       "quantity": "Qty", "price": "Price", "timestamp": "Date" },
          "timestampFormat": "yyyy-MM-dd HH:mm",
          "currency": "GBP",
          "cancellationPrefix": "C",
          "cancellationMatch": "customerProduct"
        }
        """;

    private const string Header = "Invoice,Sku,Item,Qty,Date,Price,Customer";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_OrderInterruptedByAnotherOrdersLines_KeepsAllItsLinesAndItsTotal(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "7001,A1,Doormat,1,2011-02-01 11:19,7.95,g1",
            "7001,A2,Coat rack,2,2011-02-01 11:19,9.95,g1",
            "C7000,B1,Pearls,-1,2011-02-01 11:19,1.25,g2",
            "C7000,B2,Enamel pot,-1,2011-02-01 11:19,4.25,g2",
            "7001,A3,Doorstop,2,2011-02-01 11:20,2.95,g1",
            "7001,A4,Lights,5,2011-02-01 11:20,4.65,g1");

        var report = await ImportAsync(host, csv);

        Assert.Equal(0, report.BadLines);
        Assert.Equal(1, report.Orders);
        Assert.Equal(4, report.OrderLines);
        var order = Assert.Single(await OrdersAsync(host, "g1"));
        Assert.Equal(["A1", "A2", "A3", "A4"], order.Lines.Select(l => l.ProductId));
        Assert.Equal(7.95 + 19.90 + 5.90 + 23.25, order.Total, 2);
        Assert.Equal(7.95 + 19.90 + 5.90 + 23.25, (await FindAsync(host, "g1")).Profile.Aggregates.TotalSpent, 2);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_LinesOfOneOrderFarApartInTheFile_MakeOneOrderEvenPastTheMemoryLimit(string engine)
    {
        // Two lines held in memory at most: the open orders' lines go to the temporary file and come back.
        await using var host = await CoreHost.StartAsync(engine, services => services.Configure<ImportOptions>(o => o.MaxHeldOrderLines = 2));
        var lines = new List<string> { Header };
        var expected = new Dictionary<string, List<(string Sku, int Quantity, decimal Price)>>();
        void Line(string order, string sku, int quantity, decimal price)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{order},{sku},Item {sku},{quantity},2011-03-01 10:00,{price},far-{order}"));
            (expected.TryGetValue(order, out var list) ? list : expected[order] = []).Add((sku, quantity, price));
        }

        Line("9000", "S0", 1, 2.50m);
        for (var i = 1; i <= 30; i++)
        {
            var other = $"{9000 + i}";
            Line(other, $"T{i}", i, 1.10m);
            Line(other, $"U{i}", 1, 0.35m * i);
            if (i % 10 == 0)
            {
                Line("9000", $"S{i}", i, 3.00m);
            }
        }

        Line("9031", "V1", 2, 5.00m);
        Line("9000", "S99", 7, 0.99m);
        using var csv = new TempCsv([.. lines]);

        var report = await ImportAsync(host, csv);

        Assert.Equal(0, report.BadLines);
        Assert.Equal(expected.Count, report.Orders);
        Assert.Equal(lines.Count - 1, report.OrderLines);
        foreach (var (orderId, want) in expected)
        {
            var order = Assert.Single(await OrdersAsync(host, $"far-{orderId}"));
            Assert.Equal(orderId, order.OrderId);
            Assert.Equal(want.Select(w => w.Sku), order.Lines.Select(l => l.ProductId));
            Assert.Equal((double)want.Sum(w => w.Price * w.Quantity), order.Total, 2);
        }

        Assert.Equal(5, (await OrdersAsync(host, "far-9000")).Single().Lines.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_EveryKindOfLine_IsCountedOnceInTheReport(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "8001,A1,Teapot,2,2011-03-01 10:00,10.00,k1",
            "8001,B2,Cup,4,2011-03-01 10:00,3.00,k1",
            "8002,B2,Cup,1,2011-03-01 10:00,3.00,",
            "8003,B2,Cup,six,2011-03-01 10:00,3.00,k1",
            "C8101,A1,Teapot,-1,2011-03-05 10:00,10.00,k1",
            "C8101,Z9,Vase,-2,2011-03-05 10:00,15.00,k1",
            "8001,C3,Saucer,1,2011-03-01 10:00,2.00,k1",
            "C8102,Q1,Kettle,-1,2011-03-06 10:00,20.00,k2");

        var report = await ImportAsync(host, csv);

        Assert.Equal(8, report.LinesRead);
        Assert.Equal(1, report.Orders);
        Assert.Equal(3, report.OrderLines);
        Assert.Equal(2, report.Cancellations);
        Assert.Equal(3, report.CancellationLines);
        Assert.Equal(1, report.CancellationsMatched);
        Assert.Equal(1, report.CancellationLinesMatched);
        Assert.Equal(2, report.CancellationLinesUnmatched);
        Assert.Equal(2, report.UnmatchedRefunds);
        Assert.Equal(1, report.SkippedWithoutCustomer);
        Assert.Equal(1, report.BadLines);
        Assert.Equal(report.LinesRead, report.OrderLines + report.CancellationLines + report.SkippedWithoutCustomer + report.BadLines);
        Assert.Equal(report.CancellationLines, report.CancellationLinesMatched + report.CancellationLinesUnmatched);
    }

    internal static Task<ImportReport> ImportAsync(CoreHost host, TempCsv csv, string mapping = Mapping) =>
        host.Get<ImportService>().ImportAsync(host.Workspace.Id, csv.Path, ImportMappingParser.Parse(mapping), null, TestContext.Current.CancellationToken);

    internal static async Task<ProfileDetail> FindAsync(CoreHost host, string userId) =>
        await host.Get<ProfileService>().FindAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, userId), TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No profile for {userId}.");

    private static async Task<IReadOnlyList<Order>> OrdersAsync(CoreHost host, string userId) =>
        await host.Get<ProfileService>().OrdersAsync(host.Workspace.Id, (await FindAsync(host, userId)).Profile.Id, TestContext.Current.CancellationToken);
}
