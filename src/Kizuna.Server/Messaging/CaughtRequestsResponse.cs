namespace Kizuna.Server.Messaging;

/// <summary>Answer of <c>GET /api/messages/caught/{channel}</c>: whether the channel goes to the catcher, how many it caught, and the latest.</summary>
public sealed record CaughtRequestsResponse(bool Catching, long Total, IReadOnlyList<CaughtRequestResponse> Requests);
