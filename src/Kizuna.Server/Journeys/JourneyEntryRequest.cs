using System.Text.Json.Nodes;

namespace Kizuna.Server.Journeys;

/// <summary>
/// Enters a customer (by <see cref="ProfileId"/> or <see cref="UserId"/>) into a live journey entered by API calls,
/// with <see cref="Data"/> as the entry data templates and keyed waits read. <see cref="Key"/> names the call, so a
/// retry answers the first entry.
/// </summary>
public sealed record JourneyEntryRequest(long? ProfileId, string? UserId, JsonObject? Data, string? Key);
