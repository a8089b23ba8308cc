namespace Kizuna.Server.Journeys;

/// <summary>Starts a draft from a ready-made journey, under <see cref="Name"/> or the ready-made name.</summary>
public sealed record StartJourneyRequest(string? Name);
