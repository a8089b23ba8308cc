namespace Kizuna.Segments.Definitions;

/// <summary>The comparisons a test may make; which ones a type allows is in <see cref="OperatorRules"/>.</summary>
public enum Operator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Contains,
    NotContains,
    StartsWith,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Between,
    Exists,
    NotSet,
    Before,
    After,
    MoreThanDaysAgo,
    LessThanDaysAgo,
    AnniversaryWithinDays,
}
