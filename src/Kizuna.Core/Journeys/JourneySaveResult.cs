using Kizuna.Journeys.Model;

namespace Kizuna.Journeys;

/// <summary>A save's answer: the journey, or every reason the definition cannot run, or <see cref="NotFound"/>, or <see cref="Conflict"/> (a state that forbids it).</summary>
public sealed record JourneySaveResult(Journey? Journey, IReadOnlyList<JourneyError> Errors, bool NotFound = false, string? Conflict = null);
