namespace Kizuna.Messaging.Content;

/// <summary>
/// What a message template of one channel holds: Liquid sources by field, and the shape rules beyond Liquid (a
/// URL, a method, a layout). A later channel plugs in by adding one record.
/// </summary>
public abstract record MessageContent
{
    public abstract MessageChannel Channel { get; }

    /// <summary>Each Liquid field by its wire name (<c>subject</c>, <c>html</c>, <c>data.order</c>); null fields are absent.</summary>
    public abstract IEnumerable<KeyValuePair<string, string?>> LiquidFields();

    /// <summary>Problems of shape, each naming its field; Liquid syntax is checked by <see cref="ContentValidator"/>.</summary>
    public virtual IEnumerable<ContentProblem> ShapeProblems() => [];

    protected static KeyValuePair<string, string?> Field(string name, string? source) => new(name, source);

    /// <summary>A required Liquid field that is missing or blank.</summary>
    protected static ContentProblem? Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? new ContentProblem(field, $"'{field}' is required.") : null;

    /// <summary>A field holding a URL must start as one (Liquid may fill in the rest).</summary>
    protected static ContentProblem? UrlProblem(string field, string? value) =>
        value is null || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("{{", StringComparison.Ordinal)
            ? null
            : new ContentProblem(field, $"'{field}' must be an http(s) URL.");
}
