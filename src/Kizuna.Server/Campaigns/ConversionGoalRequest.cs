namespace Kizuna.Server.Campaigns;

/// <summary>Conversion events (such as <c>Order Completed</c>), an optional property that must equal a value, and the window in hours after the message.</summary>
public sealed record ConversionGoalRequest(IReadOnlyList<string>? Events, string? FilterProperty = null, string? FilterValue = null, double? WindowHours = null);
