namespace Kizuna.Segments.Definitions;

/// <summary>An order that was not cancelled has a line with this product id, SKU or category, placed within the window when given.</summary>
public sealed record BoughtCondition(ProductKey By, string Value, Window? Window) : Condition;
