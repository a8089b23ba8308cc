namespace Kizuna.Journeys.Model;

/// <summary>
/// Until the date in trait <see cref="Trait"/> plus <see cref="OffsetDays"/> (negative: before), at <see cref="Time"/>
/// (<c>HH:mm</c>, 09:00 when null) in the customer's zone; with <see cref="Anniversary"/>, its next yearly return (a
/// birthday). A customer without a readable date, or whose date has passed, goes on at once.
/// </summary>
public sealed record TraitDateDelay(string Trait, int OffsetDays = 0, bool Anniversary = false, string? Time = null);
