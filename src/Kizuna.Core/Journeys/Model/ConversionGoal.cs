namespace Kizuna.Journeys.Model;

/// <summary>An entry converts when the customer performs <see cref="Event"/> (passing <see cref="Where"/>) within <see cref="Window"/> (a duration, <c>7d</c>) of entering.</summary>
public sealed record ConversionGoal(string Event, string Window, string? Where = null);
