using Kizuna.Segments.Definitions;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Dashboard.SegmentEditing;

namespace Kizuna.Server.Dashboard;

/// <summary>The segment builder names every choice it offers in each language, never falling back to the wire name.</summary>
public sealed class SegmentTextTests
{
    public static TheoryData<string> Languages => ["en", "ja"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryChoice_HasItsLabel(string language)
    {
        var text = language == "ja" ? SegmentText.Ja : SegmentText.En;

        Assert.All(Enum.GetValues<Operator>(), op => Assert.True(text.Operators.ContainsKey(op), $"operator {op}"));
        Assert.All(Enum.GetValues<ConditionKind>(), kind => Assert.True(text.Kinds.ContainsKey(kind), $"kind {kind}"));
        Assert.All(Enum.GetValues<GroupMode>(), mode => Assert.True(text.Modes.ContainsKey(mode), $"mode {mode}"));
        Assert.All(Enum.GetValues<DataType>(), type => Assert.True(text.Types.ContainsKey(type), $"type {type}"));
        Assert.All(Enum.GetValues<CommerceMetric>(), metric => Assert.True(text.Metrics.ContainsKey(metric), $"metric {metric}"));
        Assert.All(Enum.GetValues<ProductKey>(), key => Assert.True(text.ProductKeys.ContainsKey(key), $"product key {key}"));
        Assert.All(ConditionTree.ProfileFacts, fact => Assert.True(text.Facts.ContainsKey(fact), $"fact {fact}"));
        Assert.All(["active", "computing", "archived"], status => Assert.True(text.Statuses.ContainsKey(status), $"status {status}"));
    }

    [Fact]
    public void Japanese_DiffersFromEnglishForEveryOperator()
    {
        var same = Enum.GetValues<Operator>().Where(op => SegmentText.Ja.OperatorName(op) == SegmentText.En.OperatorName(op));

        Assert.Empty(same);
    }
}
