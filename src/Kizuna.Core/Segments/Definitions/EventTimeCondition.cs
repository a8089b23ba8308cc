namespace Kizuna.Segments.Definitions;

/// <summary>The first or last time the profile performed <paramref name="Event"/> (of those passing the filters) passes a date test.</summary>
public sealed record EventTimeCondition(EventTime Which, string Event, ValueList<PropertyFilter> Where, Test Test) : Condition;
