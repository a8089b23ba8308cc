namespace Kizuna.Messaging.Channels.Push;

/// <summary>The push provider's access token could not be had: missing or bad service account, or the token URI refused.</summary>
public sealed class PushAuthException(string message) : Exception(message);
