namespace Kizuna.Server.Journeys;

/// <summary>A node's figures: entries that reached it, are waiting there, went on from it, and converted.</summary>
public sealed record NodeCountResponse(string Node, long Entered, long Waiting, long Passed, long Converted);
