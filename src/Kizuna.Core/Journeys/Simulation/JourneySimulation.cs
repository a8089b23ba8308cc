namespace Kizuna.Journeys.Simulation;

/// <summary>
/// The path one simulated entry takes and how it ends at the horizon: <see cref="State"/> is <c>completed</c>,
/// <c>exited</c> (with <see cref="ExitReason"/>), <c>waiting</c> (at <see cref="Node"/> until <see cref="WaitUntil"/>)
/// or <c>not_entered</c> (with <see cref="Refusal"/>).
/// </summary>
public sealed record JourneySimulation(
    long JourneyId,
    int Version,
    string State,
    string? Node,
    DateTimeOffset? WaitUntil,
    string? ExitReason,
    DateTimeOffset? ConvertedAt,
    string? Refusal,
    IReadOnlyList<SimulatedStep> Steps)
{
    public const string NotEntered = "not_entered";
}
