namespace Kizuna.Segments.Definitions;

/// <summary>The profile's <see cref="RandomBucket"/> (0–99) passes a number test: <c>bucket &lt; 10</c> is a stable 10% sample.</summary>
public sealed record BucketCondition(Test Test) : Condition;
