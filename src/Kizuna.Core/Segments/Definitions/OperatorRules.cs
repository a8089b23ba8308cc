namespace Kizuna.Segments.Definitions;

/// <summary>Which operators each type allows, and the operands each operator takes.</summary>
public static class OperatorRules
{
    private static readonly Operator[] Presence = [Operator.Exists, Operator.NotSet];

    public static IReadOnlyList<Operator> For(DataType type) => type switch
    {
        DataType.String => [Operator.Equals, Operator.NotEquals, Operator.In, Operator.NotIn, Operator.Contains, Operator.NotContains, Operator.StartsWith, .. Presence],
        DataType.Number => [.. NumberTests, Operator.In, Operator.NotIn, .. Presence],
        DataType.Boolean => [Operator.Equals, Operator.NotEquals, .. Presence],
        DataType.Date => [.. DateTests, Operator.AnniversaryWithinDays, .. Presence],
        DataType.List => [Operator.Contains, Operator.NotContains, Operator.In, .. Presence],
        _ => Presence,
    };

    /// <summary>Comparisons of one number: counts, money, the random bucket.</summary>
    public static IReadOnlyList<Operator> NumberTests { get; } =
        [Operator.Equals, Operator.NotEquals, Operator.Greater, Operator.GreaterOrEqual, Operator.Less, Operator.LessOrEqual, Operator.Between];

    /// <summary>Comparisons of one day: fixed days and days relative to today.</summary>
    public static IReadOnlyList<Operator> DateTests { get; } =
        [Operator.Equals, Operator.NotEquals, Operator.Before, Operator.After, Operator.Between, Operator.MoreThanDaysAgo, Operator.LessThanDaysAgo];

    public static OperandShape Shape(Operator op) => op switch
    {
        Operator.Exists or Operator.NotSet => OperandShape.None,
        Operator.In or Operator.NotIn => OperandShape.List,
        Operator.Between => OperandShape.Two,
        Operator.MoreThanDaysAgo or Operator.LessThanDaysAgo or Operator.AnniversaryWithinDays => OperandShape.Days,
        _ => OperandShape.One,
    };

    /// <summary>Whether <paramref name="literal"/> is the kind of constant a <paramref name="type"/> compares with.</summary>
    public static bool Fits(DataType type, Literal literal) => (type, literal) switch
    {
        (DataType.String or DataType.List, StringLiteral) => true,
        (DataType.Number, NumberLiteral) => true,
        (DataType.Boolean, BooleanLiteral) => true,
        (DataType.Date, DateLiteral) => true,
        _ => false,
    };

    /// <summary>The type a test's operands say, when a definition in the text form does not name one.</summary>
    public static DataType Infer(Test test) => test switch
    {
        { Operator: Operator.Exists or Operator.NotSet } => DataType.Any,
        { Operator: Operator.MoreThanDaysAgo or Operator.LessThanDaysAgo or Operator.AnniversaryWithinDays } => DataType.Date,
        { Operator: Operator.Before or Operator.After } => DataType.Date,
        { Operands.Count: > 0 } => test.Operands[0] switch
        {
            NumberLiteral => DataType.Number,
            BooleanLiteral => DataType.Boolean,
            DateLiteral => DataType.Date,
            _ => DataType.String,
        },
        _ => DataType.String,
    };
}
