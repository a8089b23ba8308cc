namespace Kizuna.Server.Journeys;

/// <summary>
/// A simulated step: node, kind, simulated time, outcome (waiting, timed_out, matched, sent, branch:yes, webhook:200,
/// updated, exited…), its message, and what an action node would do (<see cref="Action"/>, not done).
/// </summary>
public sealed record SimulatedStepResponse(
    int Seq, string Node, string? Kind, DateTimeOffset At, string Outcome, SimulatedMessageResponse? Message, SimulatedActionResponse? Action = null);
