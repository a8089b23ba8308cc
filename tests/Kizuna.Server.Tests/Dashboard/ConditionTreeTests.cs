using Kizuna.Segments.Definitions;
using Kizuna.Server.Dashboard.SegmentEditing;

namespace Kizuna.Server.Dashboard;

/// <summary>The visual editor shows a definition as groups of rows and builds it back without changing it.</summary>
public sealed class ConditionTreeTests
{
    public static TheoryData<string> Definitions =>
    [
        "trait.plan = \"gold\"",
        "not performed(\"Email Opened\", within 30d)",
        "trait.plan = \"gold\" and order_count >= 2",
        "trait.plan = \"gold\" or (bucket < 10 and refunded())",
        "not (trait.country = \"JP\" or trait.country = \"KR\")",
        "not trait.vip = true",
        "order_count >= 1 and (trait.plan = \"gold\" or performed(\"Order Completed\", within 30d, property.total > 1000)) and not performed(\"Email Opened\", within 30d)",
    ];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void RootAndDefinition_AnyDefinition_GiveItBackUnchanged(string text)
    {
        var definition = Parse(text);

        var root = ConditionTree.Root(definition);

        Assert.True(ConditionTree.IsGroup(root));
        Assert.Equal(definition, ConditionTree.Definition(root));
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Group_RebuiltFromModeAndChildren_EqualsEveryGroupOfTheTree(string text)
    {
        foreach (var group in Groups(ConditionTree.Root(Parse(text))))
        {
            Assert.Equal(group, ConditionTree.Group(ConditionTree.ModeOf(group), ConditionTree.ChildrenOf(group)));
        }
    }

    [Fact]
    public void Group_NoneOfOnePerformedRow_StaysAGroup()
    {
        var performed = Parse("performed(\"Order Completed\")");

        var none = ConditionTree.Group(GroupMode.None, [performed]);

        Assert.True(ConditionTree.IsGroup(none));
        Assert.Equal([performed], ConditionTree.ChildrenOf(none));
    }

    [Fact]
    public void Definition_EmptyRoot_IsNone()
    {
        Assert.Null(ConditionTree.Definition(ConditionTree.Root(null)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NewRow_EveryKind_IsThatKindAndItsTextParsesBack(ConditionKind kind)
    {
        var row = ConditionTree.NewRow(kind, null, 7);

        Assert.Equal(kind, ConditionTree.KindOf(row));
        var (parsed, errors) = SegmentDefinition.ParseText(SegmentDefinition.ToText(row));
        Assert.Empty(errors);
        Assert.Equal(row, parsed);
    }

    [Fact]
    public void NewRow_BetweenEventKinds_KeepsTheEventName()
    {
        var performed = Parse("performed(\"Order Completed\", within 7d)");

        var notPerformed = ConditionTree.NewRow(ConditionKind.NotPerformed, performed, null);
        var last = ConditionTree.NewRow(ConditionKind.LastPerformed, notPerformed, null);

        Assert.Equal("Order Completed", Assert.IsType<PerformedCondition>(Assert.IsType<NotCondition>(notPerformed).Condition).Event);
        Assert.Equal("Order Completed", Assert.IsType<EventTimeCondition>(last).Event);
    }

    public static TheoryData<ConditionKind> Kinds => [.. Enum.GetValues<ConditionKind>()];

    private static Condition Parse(string text)
    {
        var (condition, errors) = SegmentDefinition.ParseText(text);
        Assert.Empty(errors);
        return condition!;
    }

    private static IEnumerable<Condition> Groups(Condition condition) =>
        ConditionTree.IsGroup(condition)
            ? [condition, .. ConditionTree.ChildrenOf(condition).SelectMany(Groups)]
            : [];
}
