using FsCheck;
using FsCheck.Fluent;
using Kizuna.Segments.Definitions;

namespace Kizuna.Segments;

/// <summary>
/// Random definitions of every kind, nested, whose constants are drawn from the same pools as
/// <see cref="DataGen"/>'s profiles, so most trees select some profiles and leave out others.
/// </summary>
internal static class TreeGen
{
    public static readonly string[] Strings = ["JP", "US", "日本", "", "Champions", "優良顧客", "tea", "gift", "express", "standard", "ja-JP", "en", "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Bogus/Zone", "山田"];
    public static readonly decimal[] Numbers = [-5, 0, 1, 2, 3, 19.5m, 34, 100, 800, 5000, 12000];
    public static readonly decimal[] Money = [0, 500, 3000.5m, 6000.25m, 9000, 12000.5m, 20000];
    public static readonly int[] DaysAgo = [-5, -1, 0, 1, 7, 29, 30, 31, 90, 120, 400];
    public static readonly string[] TraitNames = ["country", "age", "vip", "tags", "name", "signed_up", "birthday", "address.country", "address.city", "timezone", "locale", "missing"];
    public static readonly string[] ValueNames = ["rfm_segment", "predicted_clv", "tier"];
    public static readonly string[] Events = ["A", "B", "C"];
    public static readonly string[] PropertyPaths = ["total", "kind", "shipping.method", "flag", "tags", "at"];

    public static Gen<Condition> Tree => Gen.Sized(size => Node(Math.Min(size, 4)));

    private static Gen<Condition> Node(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (4, Leaf),
            (2, Children(depth).Select(c => (Condition)new AndCondition(new(c)))),
            (2, Children(depth).Select(c => (Condition)new OrCondition(new(c)))),
            (1, Node(depth - 1).Select(c => (Condition)new NotCondition(c))));

    private static Gen<List<Condition>> Children(int depth) => Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Node(depth - 1), n).Select(l => l.ToList()));

    private static Gen<Condition> Leaf => Gen.Frequency(
        (6, Field),
        (4, Performed),
        (2, EventTimes),
        (1, Lapsed),
        (1, LastSince),
        (3, Commerce),
        (1, Bought),
        (1, Windows.Select(w => (Condition)new RefundedCondition(w))),
        (1, Gen.Elements(1L, 2L, 3L).Select(id => (Condition)new InSegmentCondition(id))),
        (1, WholeTest(OperatorRules.NumberTests, 0, 99).Select(t => (Condition)new BucketCondition(t))));

    private static Gen<Condition> Field =>
        from source in Gen.Elements(FieldSource.Trait, FieldSource.Trait, FieldSource.Value, FieldSource.Profile)
        from name in source switch
        {
            FieldSource.Trait => Gen.Elements(TraitNames),
            FieldSource.Value => Gen.Elements(ValueNames),
            _ => Gen.Elements("timezone", "locale", "country"),
        }
        from type in source switch
        {
            FieldSource.Trait => Gen.Elements(Enum.GetValues<DataType>()),
            FieldSource.Value => Gen.Elements(DataType.String, DataType.Number, DataType.Date, DataType.Any),
            _ => Gen.Elements(DataType.String, DataType.Any),
        }
        from test in TestOf(type, OperatorRules.For(type))
        select (Condition)new FieldCondition(source, name, type, test);

    private static Gen<Window?> Windows => Gen.Frequency(
        (2, Gen.Constant<Window?>(null)),
        (2, Gen.Elements(1, 7, 30, 90).Select(d => (Window?)Window.Within(d))),
        (1, Dates.Two().Select(p => (Window?)Window.Between(p.Item1, p.Item2))));

    private static Gen<List<PropertyFilter>> Filters(int max) =>
        Gen.ListOf(
            from path in Gen.Elements(PropertyPaths)
            from type in Gen.Elements(Enum.GetValues<DataType>())
            from test in TestOf(type, [.. OperatorRules.For(type).Where(o => o != Operator.AnniversaryWithinDays)])
            select new PropertyFilter(path, type, test)).Select(list => list.Take(max).ToList());

    private static Gen<Condition> Performed =>
        from name in Gen.Elements([.. Events, "$page"])
        from count in Gen.Frequency((2, Gen.Constant(PerformedCondition.AtLeastOnce)), (3, WholeTest(OperatorRules.NumberTests, 0, 4)))
        from window in Windows
        from filters in name.StartsWith('$') ? Gen.Constant(new List<PropertyFilter>()) : Filters(2)
        select (Condition)new PerformedCondition(name, count, window, new(filters));

    private static Gen<Condition> EventTimes =>
        from which in Gen.Elements(EventTime.First, EventTime.Last)
        from name in Gen.Elements(Events)
        from filters in Filters(1)
        from test in TestOf(DataType.Date, OperatorRules.DateTests)
        select (Condition)new EventTimeCondition(which, name, new(filters), test);

    // Performed ever beside not performed lately (either order, sometimes with a count or an event of their own),
    // which the SQL reads as the one roll-up row's last time.
    private static Gen<Condition> Lapsed =>
        from name in Gen.Elements(Events)
        from other in Gen.Frequency((4, Gen.Constant(name)), (1, Gen.Elements(Events)))
        from count in Gen.Frequency((3, Gen.Constant(PerformedCondition.AtLeastOnce)), (1, WholeTest([Operator.Greater, Operator.GreaterOrEqual], 0, 2)))
        from days in Gen.Elements(1, 7, 30, 90)
        from swap in Gen.Elements(false, true)
        let ever = (Condition)new PerformedCondition(name, PerformedCondition.AtLeastOnce, null, new([]))
        let recent = (Condition)new NotCondition(new PerformedCondition(other, count, Window.Within(days), new([])))
        select (Condition)new AndCondition(new(swap ? [recent, ever] : [ever, recent]));

    // The last time without filters after a day, which the SQL reads as the daily roll-ups from that day.
    private static Gen<Condition> LastSince =>
        from name in Gen.Elements(Events)
        from test in TestOf(DataType.Date, [Operator.LessThanDaysAgo, Operator.After, Operator.MoreThanDaysAgo])
        select (Condition)new EventTimeCondition(EventTime.Last, name, new([]), test);

    private static Gen<Condition> Commerce =>
        from metric in Gen.Elements(Enum.GetValues<CommerceMetric>())
        from test in metric switch
        {
            CommerceMetric.OrderCount => WholeTest(OperatorRules.NumberTests, 0, 3),
            CommerceMetric.FirstOrderAt or CommerceMetric.LastOrderAt => TestOf(DataType.Date, [.. OperatorRules.DateTests, Operator.Exists, Operator.NotSet]),
            _ => NumberTest(OperatorRules.NumberTests, Gen.Elements(Money)),
        }
        select (Condition)new CommerceCondition(metric, test);

    private static Gen<Condition> Bought =>
        from key in Gen.Elements(Enum.GetValues<ProductKey>())
        from value in key switch
        {
            ProductKey.Product => Gen.Elements("p1", "p2"),
            ProductKey.Sku => Gen.Elements("S1", "S2"),
            _ => Gen.Elements("tea", "緑茶"),
        }
        from window in Windows
        select (Condition)new BoughtCondition(key, value, window);

    private static Gen<DateOnly> Dates => Gen.Elements(DaysAgo).Select(d => DateOnly.FromDateTime(DifferentialTests.Now.UtcDateTime).AddDays(-d));

    private static Gen<(T, T)> Two<T>(this Gen<T> gen) where T : IComparable<T> =>
        from a in gen
        from b in gen
        select a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    private static Gen<Literal> LiteralOf(DataType type) => type switch
    {
        DataType.Number => Gen.Elements(Numbers).Select(n => (Literal)new NumberLiteral(n)),
        DataType.Boolean => Gen.Elements(true, false).Select(b => (Literal)new BooleanLiteral(b)),
        DataType.Date => Dates.Select(d => (Literal)new DateLiteral(d)),
        _ => Gen.Elements(Strings).Select(s => (Literal)new StringLiteral(s)),
    };

    private static Gen<Test> TestOf(DataType type, IReadOnlyList<Operator> operators) =>
        Gen.Elements(operators.ToArray()).SelectMany(op => OperatorRules.Shape(op) switch
        {
            OperandShape.None => Gen.Constant(Test.Of(op)),
            OperandShape.Days => Gen.Elements(0, 1, 7, 30, 90, 365).Select(d => Test.Of(op, new DaysLiteral(d))),
            OperandShape.List => Gen.NonEmptyListOf(LiteralOf(type)).Select(l => new Test(op, new(l.Take(3)))),
            OperandShape.Two => type == DataType.Date
                ? Dates.Two().Select(p => Test.Of(op, new DateLiteral(p.Item1), new DateLiteral(p.Item2)))
                : Gen.Elements(Numbers).Two().Select(p => Test.Of(op, new NumberLiteral(p.Item1), new NumberLiteral(p.Item2))),
            _ => LiteralOf(type).Select(l => Test.Of(op, l)),
        });

    private static Gen<Test> WholeTest(IReadOnlyList<Operator> operators, int min, int max) =>
        NumberTest(operators, Gen.Choose(min, max).Select(i => (decimal)i));

    private static Gen<Test> NumberTest(IReadOnlyList<Operator> operators, Gen<decimal> numbers) =>
        Gen.Elements(operators.ToArray()).SelectMany(op => op == Operator.Between
            ? numbers.Two().Select(p => Test.Of(op, new NumberLiteral(p.Item1), new NumberLiteral(p.Item2)))
            : numbers.Select(n => Test.Of(op, new NumberLiteral(n))));
}
