namespace Kizuna.Segments.Definitions;

/// <summary>The condition does not hold.</summary>
public sealed record NotCondition(Condition Condition) : Condition;
