using Kizuna.Segments.Definitions;

namespace Kizuna.Segments;

public sealed class SegmentValidationTests
{
    [Fact]
    public void FromJson_ReportsEveryErrorWithItsPath()
    {
        var json = """
            {"kind":"and","conditions":[
              {"kind":"trait","name":"age","type":"number","op":"contains","value":3},
              {"kind":"performed","event":"Order Completed","window":{"weeks":2}},
              {"kind":"trait","name":"signed_up","type":"date","op":"before","value":"2026-02-30"},
              {"kind":"commerce","metric":"lifetime","op":"greater","value":1},
              {"kind":"performed","event":"Order Completed","count":{"op":"between","values":[5,2]}}
            ]}
            """;

        var errors = SegmentDefinition.FromJson(json).Errors.Select(e => (e.Path, e.Message)).ToList();

        Assert.Contains(errors, e => e.Path == "$.conditions[1].window" && e.Message.Contains("days", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.conditions[2].value" && e.Message.Contains("YYYY-MM-DD", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.conditions[3].metric" && e.Message.Contains("unknown metric 'lifetime'", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Validate_WrongOperatorAndOperands_NamePathAndReason()
    {
        var json = """
            {"kind":"and","conditions":[
              {"kind":"trait","name":"age","type":"number","op":"contains","value":3},
              {"kind":"performed","event":"Order Completed","count":{"op":"between","values":[5,2]}},
              {"kind":"performed","event":"$page","where":[{"property":"path","type":"string","op":"equals","value":"/"}]},
              {"kind":"or","conditions":[]},
              {"kind":"profile","name":"city","type":"string","op":"exists"},
              {"kind":"commerce","metric":"total_spent","op":"greater","value":1.23456}
            ]}
            """;

        var errors = SegmentDefinition.FromJson(json).Errors.ToDictionary(e => e.Path, e => e.Message);

        Assert.StartsWith("operator 'contains' does not apply to number", errors["$.conditions[0].op"]);
        Assert.Contains("must not be greater", errors["$.conditions[1].count.values"]);
        Assert.Contains("track events only", errors["$.conditions[2].where"]);
        Assert.Equal("needs at least one condition", errors["$.conditions[3].conditions"]);
        Assert.Contains("unknown profile field 'city'", errors["$.conditions[4].name"]);
        Assert.Contains("at most 4 decimal places", errors["$.conditions[5]"]);
    }

    [Fact]
    public void Validate_SegmentCycle_NamesTheChain()
    {
        var others = new Dictionary<long, Condition>
        {
            [2] = SegmentDefinition.FromText("in_segment(3)").Condition!,
            [3] = SegmentDefinition.FromText("""trait.a = 1 or in_segment(1)""").Condition!,
        };

        var result = SegmentDefinition.FromText("trait.x = 1 and in_segment(2)", id => others.GetValueOrDefault(id), selfId: 1);
        var missing = SegmentDefinition.FromText("in_segment(9)", id => others.GetValueOrDefault(id), selfId: 1);
        var fine = SegmentDefinition.FromText("in_segment(2)", id => others.GetValueOrDefault(id), selfId: 5);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.conditions[1].id", error.Path);
        Assert.Equal("segment cycle: 1 → 2 → 3 → 1", error.Message);
        Assert.Equal("segment 9 does not exist", Assert.Single(missing.Errors).Message);
        Assert.True(fine.IsValid);
    }

    [Fact]
    public void FromJson_NotJson_SaysWhere()
    {
        var error = Assert.Single(SegmentDefinition.FromJson("{\"kind\":").Errors);

        Assert.Equal("$", error.Path);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("all(", ")")]
    public void FromText_NestedDeeperThanTheBound_IsAnErrorNotACrash(string open, string close)
    {
        // Deep enough to exhaust the stack of an unbounded recursive descent.
        var text = string.Concat(Enumerable.Repeat(open, 100_000)) + "trait.a = 1" + string.Concat(Enumerable.Repeat(close, 100_000));

        var error = Assert.Single(SegmentDefinition.FromText(text).Errors);

        Assert.Contains("nest more than 32 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, (33 * open.Length) + 1), (error.Line, error.Column));
    }

    [Fact]
    public void FromText_NestedWithinTheBound_IsValid()
    {
        var text = new string('(', 32) + "trait.a = 1" + new string(')', 32);

        Assert.True(SegmentDefinition.FromText(text).IsValid);
    }

    [Fact]
    public void FromText_MoreConditionsThanTheBound_NamesTheCount()
    {
        var text = string.Join(" or ", Enumerable.Range(0, 600).Select(i => $"trait.a = {i}"));

        var error = Assert.Single(SegmentDefinition.FromText(text).Errors);

        Assert.Equal(("$", "a definition holds at most 500 conditions; this one holds 601"), (error.Path, error.Message));
    }
}
