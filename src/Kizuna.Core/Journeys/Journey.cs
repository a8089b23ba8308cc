namespace Kizuna.Journeys;

/// <summary>
/// A journey's head row: its state (<see cref="JourneyStates"/>), the latest saved <see cref="Version"/>, the version
/// new entries take (<see cref="LiveVersion"/>, null until it first goes live) and how often it was resumed (timers
/// set again on resume are keyed by it).
/// </summary>
public sealed record Journey(
    long Id,
    long WorkspaceId,
    string Name,
    string State,
    int Version,
    int? LiveVersion,
    int Resumes,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
