namespace Kizuna.Server.Analytics;

/// <summary>Baskets holding <c>antecedent</c> also hold <c>consequent</c>, with the rule's support, confidence and lift.</summary>
public sealed record RuleResponse(IReadOnlyList<string> Antecedent, IReadOnlyList<string> Consequent, long Baskets, double Support, double Confidence, double Lift);
