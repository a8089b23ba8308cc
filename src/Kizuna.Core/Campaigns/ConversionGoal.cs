namespace Kizuna.Campaigns;

/// <summary>
/// What the campaign is meant to cause: any of <paramref name="Events"/> (for example <c>Order Completed</c>), matching
/// <paramref name="Filter"/> when given, within <paramref name="Window"/> of the message. A conversion belongs to the
/// last message the customer received from Kizuna before it; revenue is the event's <c>revenue</c>, else <c>total</c>.
/// </summary>
public sealed record ConversionGoal(IReadOnlyList<string> Events, ConversionFilter? Filter, TimeSpan Window);
