namespace Kizuna.Journeys.Simulation;

/// <summary>
/// The path one simulated entry takes and how it ends at the horizon: <see cref="State"/> is <c>completed</c>,
/// <c>exited</c> (with <see cref="ExitReason"/>), <c>waiting</c> (at <see cref="Node"/> until <see cref="WaitUntil"/>)
/// or <c>not_entered</c> (with <see cref="Refusal"/>). <see cref="StepLimitReached"/>: the path stopped at
/// <see cref="MaxSteps"/> steps before the horizon (a loop through a delay).
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
    IReadOnlyList<SimulatedStep> Steps,
    bool StepLimitReached = false)
{
    public const string NotEntered = "not_entered";

    public const int MaxSteps = 1_000;
}
