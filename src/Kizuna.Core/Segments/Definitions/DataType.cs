namespace Kizuna.Segments.Definitions;

/// <summary>The type a field condition compares as; a value of another type never matches (except the negations).</summary>
public enum DataType
{
    String,
    Number,
    Boolean,

    /// <summary>A text value starting with <c>YYYY-MM-DD</c>, compared by that calendar day.</summary>
    Date,

    /// <summary>A JSON array of strings.</summary>
    List,

    /// <summary>Any value: only <c>exists</c> and <c>not_set</c>.</summary>
    Any,
}
