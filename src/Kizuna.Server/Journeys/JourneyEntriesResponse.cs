namespace Kizuna.Server.Journeys;

/// <summary>A page of entries, newest first; <see cref="Before"/> asks for the next page.</summary>
public sealed record JourneyEntriesResponse(IReadOnlyList<JourneyEntryResponse> Entries, long? Before);
