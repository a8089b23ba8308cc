using Kizuna.Journeys.Model;

namespace Kizuna.Server.Journeys;

/// <summary>One reason a definition cannot run: the field, the node's id when it concerns one, and why.</summary>
public sealed record JourneyErrorResponse(string Field, string? Node, string Message)
{
    public static JourneyErrorResponse From(JourneyError e) => new(e.Field, e.Node, e.Message);
}
