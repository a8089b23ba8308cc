namespace Kizuna.Server.Messaging;

/// <summary>Body of <c>POST /api/profiles/{id}/devices</c>: the app's push token and its platform (<c>ios</c>, <c>android</c>, <c>web</c>).</summary>
public sealed record RegisterPushDeviceRequest(string? Token, string? Platform = null);
