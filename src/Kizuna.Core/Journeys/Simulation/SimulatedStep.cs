namespace Kizuna.Journeys.Simulation;

/// <summary>A step the entry would take: the node, its kind, the simulated time, the outcome, the message it would queue, and what an action node would do.</summary>
public sealed record SimulatedStep(int Seq, string Node, string? Kind, DateTimeOffset At, string Outcome, SimulatedMessage? Message, SimulatedAction? Action = null);
