namespace Kizuna.Segments.Definitions;

/// <summary>A trait, computed value or profile fact compared as <paramref name="Type"/>: <c>trait.country = "JP"</c>.</summary>
public sealed record FieldCondition(FieldSource Source, string Name, DataType Type, Test Test) : Condition;
