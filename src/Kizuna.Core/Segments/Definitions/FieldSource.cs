namespace Kizuna.Segments.Definitions;

/// <summary>Where a field condition reads its value.</summary>
public enum FieldSource
{
    /// <summary>A trait set by <c>identify</c>; a dotted name reads a nested member (<c>address.city</c>).</summary>
    Trait,

    /// <summary>A value another feature computed for the profile (<c>computed_values</c>: <c>rfm_segment</c>, <c>predicted_clv</c>).</summary>
    Value,

    /// <summary>A fact about the customer: <c>timezone</c>, <c>locale</c> or <c>country</c>.</summary>
    Profile,
}
