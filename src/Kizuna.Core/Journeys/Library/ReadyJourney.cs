using Kizuna.Journeys.Model;

namespace Kizuna.Journeys.Library;

/// <summary>A ready-made journey a user starts from: its definition (message nodes without template ids) and the message templates its nodes use, by node.</summary>
public sealed record ReadyJourney(string Key, string Name, string Description, JourneyDefinition Definition, IReadOnlyList<ReadyMessage> Messages);
