using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Imports;

/// <summary>Cancellation lines with no order to take them from are kept as refunds the customer's profile shows.</summary>
public sealed class UnmatchedRefundTests
{
    private const string Header = "Invoice,Sku,Item,Qty,Date,Price,Customer";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_CancellationWithoutAnEarlierOrder_IsStoredAsAnUnmatchedRefundWithItsAmount(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "6001,A1,Teapot,2,2011-03-01 10:00,10.00,u1",
            "C6101,A1,Teapot,-1,2011-03-02 10:00,10.00,u1",
            "C6102,Z9,Vase,-2,2011-03-03 10:00,15.50,u1",
            "C6102,Y8,Jug,-1,2011-03-03 10:00,4.25,u1");

        var report = await OrderGroupingTests.ImportAsync(host, csv);
        var again = await OrderGroupingTests.ImportAsync(host, csv);

        Assert.Equal(1, report.UnmatchedRefunds);
        Assert.Equal(0, again.Stored);
        var profile = await OrderGroupingTests.FindAsync(host, "u1");
        var refunds = await host.Get<ProfileService>().RefundsAsync(host.Workspace.Id, profile.Profile.Id, TestContext.Current.CancellationToken);
        Assert.Collection(refunds,
            unmatched =>
            {
                Assert.False(unmatched.Matched);
                Assert.Equal("C6102", unmatched.OrderId);
                Assert.Equal("C6102", unmatched.RefundId);
                Assert.Equal("refunded", unmatched.Kind);
                Assert.Equal(35.25m, unmatched.Amount);
                Assert.Equal("GBP", unmatched.Currency);
                Assert.Equal(new DateTimeOffset(2011, 3, 3, 10, 0, 0, TimeSpan.Zero), unmatched.RefundedAt);
                Assert.Equal(["Z9", "Y8"], unmatched.Lines.Select(l => l.ProductId));
                Assert.Equal([2.0, 1.0], unmatched.Lines.Select(l => l.Quantity));
            },
            matched =>
            {
                Assert.True(matched.Matched);
                Assert.Equal("6001", matched.OrderId);
                Assert.Equal("C6101", matched.RefundId);
                Assert.Equal(10m, matched.Amount);
            });

        // The unmatched refund took nothing off the customer's spend: there was no order to take it from.
        Assert.Equal(10.0, profile.Profile.Aggregates.TotalSpent, 2);
        var timeline = await host.Get<ProfileService>().TimelineAsync(host.Workspace.Id, profile.Profile.Id, null, 50, TestContext.Current.CancellationToken);
        var refundEvent = Assert.Single(timeline, e => e.MessageId == "import:orders:C6102:unmatched");
        Assert.Equal("Order Refunded", refundEvent.Name);
        Assert.Equal(35.25, (double?)refundEvent.Properties?["total"]);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_UnmatchedCancellationWhoseNumberIsAnotherOrder_LeavesThatOrderAlone(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        using var csv = new TempCsv(
            Header,
            "6201,A1,Teapot,1,2011-03-01 10:00,10.00,other",
            "C6201,Z9,Vase,-1,2011-03-02 10:00,15.50,u2");

        var report = await OrderGroupingTests.ImportAsync(host, csv);

        Assert.Equal(1, report.UnmatchedRefunds);
        var refund = Assert.Single(await RefundsAsync(host, "u2"));
        Assert.Equal(("C6201", false, 15.5m), (refund.OrderId, refund.Matched, refund.Amount));
        var other = await OrderGroupingTests.FindAsync(host, "other");
        Assert.Equal("completed", Assert.Single(await host.Get<ProfileService>().OrdersAsync(host.Workspace.Id, other.Profile.Id, TestContext.Current.CancellationToken)).Status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportAsync_CancellationsFileAfterTheOrdersFile_RefundsTheStoredOrderById(string engine)
    {
        const string byId = """
            { "kind": "orders", "columns": { "order_id": "Invoice", "user_id": "Customer", "product_id": "Sku", "name": "Item",
              "quantity": "Qty", "price": "Price", "timestamp": "Date" }, "timestampFormat": "yyyy-MM-dd HH:mm", "currency": "GBP", "cancellationPrefix": "C" }
            """;
        await using var host = await CoreHost.StartAsync(engine);
        using var orders = new TempCsv(Header, "6301,A1,Teapot,3,2011-03-01 10:00,10.00,u3");
        using var returns = new TempCsv(Header, "C6301,A1,Teapot,-1,2011-03-04 10:00,10.00,u3");

        await OrderGroupingTests.ImportAsync(host, orders, byId);
        var report = await OrderGroupingTests.ImportAsync(host, returns, byId);

        Assert.Equal(1, report.UnmatchedRefunds);
        var refund = Assert.Single(await RefundsAsync(host, "u3"));
        Assert.Equal(("6301", true, 10m), (refund.OrderId, refund.Matched, refund.Amount));
        var profile = await OrderGroupingTests.FindAsync(host, "u3");
        Assert.Equal(20.0, profile.Profile.Aggregates.TotalSpent, 2);
    }

    private static async Task<IReadOnlyList<Commerce.Refund>> RefundsAsync(CoreHost host, string userId) =>
        await host.Get<ProfileService>().RefundsAsync(host.Workspace.Id, (await OrderGroupingTests.FindAsync(host, userId)).Profile.Id, TestContext.Current.CancellationToken);
}
