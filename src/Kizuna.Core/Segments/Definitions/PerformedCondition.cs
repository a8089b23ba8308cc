namespace Kizuna.Segments.Definitions;

/// <summary>
/// The profile performed <paramref name="Event"/> a number of times that passes <paramref name="Count"/> (by default
/// at least once), within <paramref name="Window"/> when given, counting only events that pass every filter in
/// <paramref name="Where"/>. "Not performed" is this under <see cref="NotCondition"/>.
/// </summary>
public sealed record PerformedCondition(string Event, Test Count, Window? Window, ValueList<PropertyFilter> Where) : Condition
{
    /// <summary>The count a definition means when it states none: at least once.</summary>
    public static Test AtLeastOnce { get; } = Test.Of(Operator.GreaterOrEqual, new NumberLiteral(1));
}
