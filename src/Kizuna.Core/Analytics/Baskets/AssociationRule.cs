namespace Kizuna.Analytics.Baskets;

/// <summary>
/// Baskets holding <see cref="Antecedent"/> also hold <see cref="Consequent"/>: <see cref="Support"/> is the share of
/// baskets holding both, <see cref="Confidence"/> = support(A ∪ C) / support(A), <see cref="Lift"/> = confidence /
/// support(C) (above 1: bought together more often than chance).
/// </summary>
public sealed record AssociationRule(
    IReadOnlyList<string> Antecedent, IReadOnlyList<string> Consequent, long Count, double Support, double Confidence, double Lift);
