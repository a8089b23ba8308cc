using Kizuna.Journeys.Simulation;

namespace Kizuna.Server.Journeys;

/// <summary>A simulated entry: how it ends at the horizon (completed, exited, waiting, not_entered) and every step it takes (at most 1,000).</summary>
public sealed record JourneySimulationResponse(
    long JourneyId,
    int Version,
    string State,
    string? Node,
    DateTimeOffset? WaitUntil,
    string? ExitReason,
    DateTimeOffset? ConvertedAt,
    string? Refusal,
    IReadOnlyList<SimulatedStepResponse> Steps,
    bool StepLimitReached)
{
    public static JourneySimulationResponse From(JourneySimulation s) => new(
        s.JourneyId, s.Version, s.State, s.Node, s.WaitUntil, s.ExitReason, s.ConvertedAt, s.Refusal,
        [.. s.Steps.Select(p => new SimulatedStepResponse(p.Seq, p.Node, p.Kind, p.At, p.Outcome, p.Message is { } m
            ? new SimulatedMessageResponse(m.Channel, m.TemplateId, m.TemplateVersion, m.Recipient, m.Subject, m.Text, m.Problem)
            : null, p.Action is { } a ? new SimulatedActionResponse(a.Method, a.Url, a.Headers, a.Body, a.Answer, a.Traits, a.Problem) : null))],
        s.StepLimitReached);
}
