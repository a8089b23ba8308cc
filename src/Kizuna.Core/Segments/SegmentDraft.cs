namespace Kizuna.Segments;

/// <summary>What a save sends: the name, a description and the definition (the JSON tree, or the text form).
/// <c>Definition</c>: The JSON tree; null when <paramref name="Text"/> is given.
/// <c>Text</c>: The readable text form, e.g. <c>trait.country = "JP" and performed("Order Completed", count &gt;= 2)</c>.
/// </summary>
public sealed record SegmentDraft(string? Name, string? Description, string? Definition, string? Text);
