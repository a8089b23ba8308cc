using FsCheck;
using FsCheck.Fluent;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// One write to a shop's orders, as any write path makes it: a new order (placed in or out of time order, some worth
/// nothing, in one of three currencies or none), a cancellation, a partial or whole refund, a merge (the order moves
/// to another customer), a corrected day, an erasure (the order deleted).
/// </summary>
internal sealed record OrderStep(OrderStep.Kinds Kind, int Customer, int Order, int Amount, int Day, int Minute, int Currency)
{
    public enum Kinds
    {
        Place,
        Cancel,
        PartialRefund,
        WholeRefund,
        Merge,
        MoveDay,
        Delete,
    }

    public static readonly string?[] Currencies = ["JPY", "USD", null];

    public static Gen<List<OrderStep>> Sequence(int steps) => Gen.ListOf(Step, steps).Select(l => l.ToList());

    private static Gen<OrderStep> Step =>
        from kind in Gen.Frequency(
            (8, Gen.Constant(Kinds.Place)), (2, Gen.Constant(Kinds.Cancel)), (2, Gen.Constant(Kinds.PartialRefund)),
            (1, Gen.Constant(Kinds.WholeRefund)), (2, Gen.Constant(Kinds.Merge)), (1, Gen.Constant(Kinds.MoveDay)), (1, Gen.Constant(Kinds.Delete)))
        from customer in Gen.Choose(0, 4)
        from order in Gen.Choose(0, 1_000)
        from amount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 50_000)))
        from day in Gen.Choose(-3, 3)
        from minute in Gen.Choose(0, 1_439)
        from currency in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        select new OrderStep(kind, customer, order, amount, day, minute, currency);
}
