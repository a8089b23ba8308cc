namespace Kizuna.Segments.Definitions;

/// <summary>A test on a property of the event (dotted path into nested objects): <c>property.total > 5000</c>.</summary>
public sealed record PropertyFilter(string Path, DataType Type, Test Test);
