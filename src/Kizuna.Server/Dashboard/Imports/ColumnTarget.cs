namespace Kizuna.Server.Dashboard.Imports;

/// <summary>What one column of an uploaded file becomes: a Kizuna field, a trait, an event property, or nothing.</summary>
/// <param name="Kind">Where the column goes.</param>
/// <param name="Field">The Kizuna field (<c>user_id</c>, <c>order_id</c>, …) when <paramref name="Kind"/> is a field.</param>
public sealed record ColumnTarget(ColumnTargetKind Kind, string? Field = null)
{
    public static readonly ColumnTarget Skip = new(ColumnTargetKind.Skip);

    public static readonly ColumnTarget Trait = new(ColumnTargetKind.Trait);

    public static readonly ColumnTarget Property = new(ColumnTargetKind.Property);

    /// <summary>The value of the choice in a select box: <c>field:user_id</c>, <c>trait</c>, <c>property</c> or <c>skip</c>.</summary>
    public string Value => Kind == ColumnTargetKind.Field ? "field:" + Field : Kind.ToString().ToLowerInvariant();

    public static ColumnTarget Parse(string? value) => value switch
    {
        "trait" => Trait,
        "property" => Property,
        { Length: > 6 } when value.StartsWith("field:", StringComparison.Ordinal) => new(ColumnTargetKind.Field, value[6..]),
        _ => Skip,
    };
}
