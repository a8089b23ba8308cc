namespace Kizuna.Journeys.Simulation;

/// <summary>A step the entry would take: the node, its kind, the simulated time, the outcome, and the message it would queue.</summary>
public sealed record SimulatedStep(int Seq, string Node, string? Kind, DateTimeOffset At, string Outcome, SimulatedMessage? Message);
