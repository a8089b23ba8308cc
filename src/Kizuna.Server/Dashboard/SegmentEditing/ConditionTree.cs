using Kizuna.Segments.Definitions;

namespace Kizuna.Server.Dashboard.SegmentEditing;

/// <summary>
/// Reads the segment language's tree as the visual editor shows it (groups of rows) and builds it back. The editor
/// edits the immutable tree itself, so what it shows and what the text form says are one value.
/// </summary>
public static class ConditionTree
{
    /// <summary>A group is and/or, or not over anything but one "performed" (which is a row: "did not perform").</summary>
    public static bool IsGroup(Condition condition) =>
        condition is AndCondition or OrCondition || condition is NotCondition { Condition: not PerformedCondition };

    public static GroupMode ModeOf(Condition group) => group switch
    {
        AndCondition => GroupMode.All,
        OrCondition => GroupMode.Any,
        NotCondition { Condition: AndCondition } => GroupMode.NotAll,
        _ => GroupMode.None,
    };

    public static IReadOnlyList<Condition> ChildrenOf(Condition group) => group switch
    {
        AndCondition and => and.Conditions,
        OrCondition or => or.Conditions,
        NotCondition { Condition: AndCondition or OrCondition } not => ChildrenOf(not.Condition),
        NotCondition not => [not.Condition],
        _ => [],
    };

    /// <summary>A group of <paramref name="mode"/>; a negated group of one row is written as plain <c>not</c>.</summary>
    public static Condition Group(GroupMode mode, IEnumerable<Condition> children)
    {
        var list = new ValueList<Condition>(children);
        return mode switch
        {
            GroupMode.All => new AndCondition(list),
            GroupMode.Any => new OrCondition(list),
            _ when list is [not PerformedCondition] => new NotCondition(list[0]),
            GroupMode.NotAll => new NotCondition(new AndCondition(list)),
            _ => new NotCondition(new OrCondition(list)),
        };
    }

    /// <summary>The editor's root is always a group: a definition that is one row is shown in an "all of" group.</summary>
    public static Condition Root(Condition? definition) =>
        definition is null ? new AndCondition(new ValueList<Condition>([])) : IsGroup(definition) ? definition : new AndCondition(new ValueList<Condition>([definition]));

    /// <summary>The definition the root stands for: an "all of" group of one row is that row; an empty root is none.</summary>
    public static Condition? Definition(Condition root) => root switch
    {
        AndCondition { Conditions.Count: 0 } => null,
        AndCondition { Conditions.Count: 1 } and => and.Conditions[0],
        _ => root,
    };

    public static ConditionKind KindOf(Condition row) => row switch
    {
        FieldCondition { Source: FieldSource.Value } => ConditionKind.Value,
        FieldCondition { Source: FieldSource.Profile } => ConditionKind.Profile,
        FieldCondition => ConditionKind.Trait,
        NotCondition => ConditionKind.NotPerformed,
        PerformedCondition => ConditionKind.Performed,
        EventTimeCondition { Which: EventTime.First } => ConditionKind.FirstPerformed,
        EventTimeCondition => ConditionKind.LastPerformed,
        CommerceCondition => ConditionKind.Commerce,
        BoughtCondition => ConditionKind.Bought,
        RefundedCondition => ConditionKind.Refunded,
        InSegmentCondition => ConditionKind.InSegment,
        _ => ConditionKind.Bucket,
    };

    /// <summary>A new row of <paramref name="kind"/>, keeping the event name when switching between event kinds.</summary>
    public static Condition NewRow(ConditionKind kind, Condition? previous, long? otherSegment)
    {
        var eventName = previous switch
        {
            PerformedCondition p => p.Event,
            NotCondition { Condition: PerformedCondition p } => p.Event,
            EventTimeCondition t => t.Event,
            _ => "",
        };
        var performed = new PerformedCondition(eventName, PerformedCondition.AtLeastOnce, Window.Within(30), new ValueList<PropertyFilter>([]));
        return kind switch
        {
            ConditionKind.Trait => new FieldCondition(FieldSource.Trait, "", DataType.String, Test.Of(Operator.Equals, new StringLiteral(""))),
            ConditionKind.Value => new FieldCondition(FieldSource.Value, "", DataType.Number, Test.Of(Operator.GreaterOrEqual, new NumberLiteral(0))),
            ConditionKind.Profile => new FieldCondition(FieldSource.Profile, "country", DataType.String, Test.Of(Operator.Equals, new StringLiteral(""))),
            ConditionKind.Performed => performed,
            ConditionKind.NotPerformed => new NotCondition(performed),
            ConditionKind.FirstPerformed or ConditionKind.LastPerformed => new EventTimeCondition(
                kind == ConditionKind.FirstPerformed ? EventTime.First : EventTime.Last, eventName, new ValueList<PropertyFilter>([]),
                Test.Of(Operator.LessThanDaysAgo, new DaysLiteral(30))),
            ConditionKind.Commerce => new CommerceCondition(CommerceMetric.OrderCount, Test.Of(Operator.GreaterOrEqual, new NumberLiteral(1))),
            ConditionKind.Bought => new BoughtCondition(ProductKey.Product, "", null),
            ConditionKind.Refunded => new RefundedCondition(null),
            ConditionKind.InSegment => new InSegmentCondition(otherSegment ?? 0),
            _ => new BucketCondition(Test.Of(Operator.Less, new NumberLiteral(10))),
        };
    }

    /// <summary>The facts a "profile" row may read.</summary>
    public static IReadOnlyList<string> ProfileFacts { get; } = ["country", "timezone", "locale"];

    public static bool IsDateMetric(CommerceMetric metric) => metric is CommerceMetric.FirstOrderAt or CommerceMetric.LastOrderAt;
}
