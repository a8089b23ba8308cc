namespace Kizuna.Journeys;

/// <summary>An API entry's answer: the entry (new, or the one the key already made), or why the customer was not entered.</summary>
public sealed record JourneyEntryResult(JourneyEntry? Entry, bool Created, string? Refusal);
