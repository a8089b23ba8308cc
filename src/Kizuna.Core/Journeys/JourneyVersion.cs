using Kizuna.Journeys.Model;

namespace Kizuna.Journeys;

/// <summary>One saved version of a journey, unchanged since it was saved.</summary>
public sealed record JourneyVersion(long JourneyId, int Version, JourneyDefinition Definition, string CreatedBy, DateTimeOffset CreatedAt);
