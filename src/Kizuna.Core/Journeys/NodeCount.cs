namespace Kizuna.Journeys;

/// <summary>A node's figures: entries that reached it, are waiting there now, went on from it, and converted (of those that reached it).</summary>
public sealed record NodeCount(string Node, long Entered, long Waiting, long Passed, long Converted);
