namespace Kizuna.Commerce;

public sealed class OrderRulesTests
{
    private static readonly StoredOrder Placed = new("o-1", 7, "USD", OrderRules.Completed, 158.7m, 0);

    [Fact]
    public void Apply_PartialRefund_TakesItBackAndLeavesTheOrderOpen()
    {
        var change = OrderRules.Apply(Placed, Refund(0.3m))!;

        Assert.Equal((OrderRules.PartiallyRefunded, 0.3m, 0.3m, false), (change.Order.Status, change.Order.Refunded, change.Refund, change.Closed));
        Assert.Equal(158.4m, OrderRules.Net(change.Order.Status, change.Order.Total, change.Order.Refunded));
    }

    [Fact]
    public void Apply_RefundBeyondWhatIsLeft_TakesBackOnlyTheRestAndClosesTheOrder()
    {
        var partly = OrderRules.Apply(Placed, Refund(100m))!.Order;

        var change = OrderRules.Apply(partly, Refund(500m))!;

        Assert.Equal((OrderRules.Refunded, 58.7m, true), (change.Order.Status, change.Refund, change.Closed));
        Assert.Null(OrderRules.Apply(change.Order, Refund(1m)));
    }

    [Fact]
    public void Apply_Cancellation_TakesBackAllThatIsLeft()
    {
        var change = OrderRules.Apply(Placed with { Refunded = 0.7m, Status = OrderRules.PartiallyRefunded },
            new OrderEvent(OrderEventKind.Cancelled, "o-1", null, null, 0, 0, 0, null, []))!;

        Assert.Equal((OrderRules.Cancelled, 158m, true), (change.Order.Status, change.Refund, change.Closed));
        Assert.Equal(0m, OrderRules.Net(change.Order.Status, change.Order.Total, change.Order.Refunded));
    }

    private static OrderEvent Refund(decimal? amount) => new(OrderEventKind.Refunded, "o-1", amount, null, 0, 0, 0, null, []);
}
