namespace Kizuna.Server.Messaging.InApp;

/// <summary>A verified customer of the client API: their workspace, user id, and profile (null before Kizuna has seen them).</summary>
public sealed record ClientIdentity(long WorkspaceId, string UserId, long? ProfileId);
