namespace Kizuna.Journeys;

/// <summary>A journey's entries in all: how many entered, are still in it (active or waiting), completed, exited, and converted.</summary>
public sealed record JourneyTotals(long JourneyId, long Entered, long Open, long Completed, long Exited, long Converted)
{
    public static JourneyTotals None(long journeyId) => new(journeyId, 0, 0, 0, 0, 0);
}
