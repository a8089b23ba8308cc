namespace Kizuna.Server.Journeys;

/// <summary>A simulated step: node, kind, simulated time, outcome (waiting, timed_out, matched, sent, branch:yes, exited…) and its message.</summary>
public sealed record SimulatedStepResponse(int Seq, string Node, string? Kind, DateTimeOffset At, string Outcome, SimulatedMessageResponse? Message);
