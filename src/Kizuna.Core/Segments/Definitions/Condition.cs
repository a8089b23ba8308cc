namespace Kizuna.Segments.Definitions;

/// <summary>
/// One node of a segment definition: a test on a profile, or <c>and</c>/<c>or</c>/<c>not</c> over other nodes.
/// Immutable records with value equality, so a definition read back from JSON or text equals the one written.
/// </summary>
public abstract record Condition;
