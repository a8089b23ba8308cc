using Kizuna.Segments.Definitions;
using Kizuna.Server.Dashboard.SegmentEditing;

namespace Kizuna.Server.Dashboard;

/// <summary>Changing a row's operator or type leaves it with operands the segment language accepts.</summary>
public sealed class TestOperandsTests
{
    private static readonly DateOnly Today = new(2026, 3, 14);

    public static TheoryData<DataType, Operator> Allowed =>
    [
        .. Enum.GetValues<DataType>().SelectMany(type => OperatorRules.For(type).Select(op => (type, op))),
    ];

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Retyped_AnyAllowedOperator_ValidatesAsATrait(DataType type, Operator op)
    {
        var test = TestOperands.Retyped(Test.Of(Operator.Equals, new StringLiteral("gold")), type, op, Today);

        var errors = SegmentValidator.Validate(new FieldCondition(FieldSource.Trait, "plan", type, test));

        Assert.Empty(errors);
    }

    [Fact]
    public void Retyped_TextToBetween_KeepsNothingThatDoesNotFit()
    {
        var test = TestOperands.Retyped(Test.Of(Operator.Equals, new StringLiteral("gold")), DataType.Number, Operator.Between, Today);

        Assert.Equal(Test.Of(Operator.Between, new NumberLiteral(0), new NumberLiteral(0)), test);
    }

    [Theory]
    [InlineData(DataType.Number, "12.5", true)]
    [InlineData(DataType.Number, "12,", false)]
    [InlineData(DataType.Date, "2026-02-30", false)]
    [InlineData(DataType.Date, "2026-02-28", true)]
    [InlineData(DataType.Boolean, "maybe", false)]
    public void Parse_TypedInValue_OnlyWhenItReadsAsTheType(DataType type, string text, bool reads)
    {
        Assert.Equal(reads, TestOperands.Parse(type, text) is not null);
    }
}
