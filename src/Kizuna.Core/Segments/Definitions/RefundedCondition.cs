namespace Kizuna.Segments.Definitions;

/// <summary>An order of the profile was refunded in whole or part (its last change within the window when given).</summary>
public sealed record RefundedCondition(Window? Window) : Condition;
