using Kizuna.Journeys;

namespace Kizuna.Server.Journeys;

/// <summary>One step of an entry's path.</summary>
public sealed record JourneyStepResponse(int Seq, string Node, DateTimeOffset At, string Outcome, long? MessageId)
{
    public static JourneyStepResponse From(JourneyStep s) => new(s.Seq, s.Node, s.At, s.Outcome, s.MessageId);
}
