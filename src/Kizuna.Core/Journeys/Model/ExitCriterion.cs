namespace Kizuna.Journeys.Model;

/// <summary>
/// What takes an entry out of the journey at once: the event <see cref="Event"/> (its properties passing
/// <see cref="Where"/>, and each property of <see cref="Match"/> equal to the entry event's — the same
/// <c>cart_id</c>), or the profile meeting the segment-language <see cref="Condition"/>, checked at every step.
/// </summary>
public sealed record ExitCriterion(string? Event = null, IReadOnlyList<string>? Match = null, string? Where = null, string? Condition = null);
