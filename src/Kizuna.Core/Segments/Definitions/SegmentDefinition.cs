namespace Kizuna.Segments.Definitions;

/// <summary>
/// The segment language's front door: read a definition from its JSON tree or its text form and validate it, and
/// write it back as either. Both forms describe the same tree, so each converts to the other without loss.
/// </summary>
public static class SegmentDefinition
{
    /// <summary>Reads and validates the JSON tree.</summary>
    /// <param name="json">The definition's JSON tree.</param>
    /// <param name="segments">Other segments' definitions by id, to check references and cycles; null skips that check.</param>
    /// <param name="selfId">The id of the segment this definition belongs to, when it has one.</param>
    public static SegmentParseResult FromJson(string json, Func<long, Condition?>? segments = null, long? selfId = null)
    {
        var (condition, errors) = SegmentJsonReader.Read(json);
        return Validated(condition, errors, segments, selfId);
    }

    /// <summary>Reads and validates the text form; syntax errors carry their line and column.</summary>
    public static SegmentParseResult FromText(string text, Func<long, Condition?>? segments = null, long? selfId = null)
    {
        var (condition, errors) = SegmentTextParser.Parse(text);
        return Validated(condition, errors, segments, selfId);
    }

    /// <summary>Reads the text form without validating it: the tree as written, or the syntax errors with line and column.</summary>
    /// <remarks>For editors that follow the text while it is typed; a definition is only stored after <see cref="FromText"/>.</remarks>
    public static (Condition? Condition, IReadOnlyList<SegmentError> Errors) ParseText(string text) => SegmentTextParser.Parse(text);

    public static string ToJson(Condition condition) => SegmentJsonWriter.Write(condition);

    public static string ToText(Condition condition) => SegmentTextFormatter.Format(condition);

    private static SegmentParseResult Validated(Condition? condition, IReadOnlyList<SegmentError> errors, Func<long, Condition?>? segments, long? selfId) =>
        condition is null || errors.Count > 0
            ? new SegmentParseResult(null, errors)
            : SegmentValidator.Validate(condition, segments, selfId) is { Count: > 0 } invalid
                ? new SegmentParseResult(null, invalid)
                : new SegmentParseResult(condition, []);
}
