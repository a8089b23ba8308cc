namespace Kizuna.Messaging.Outbox;

/// <summary>The outbox id of a queued message; <paramref name="Created"/> is false when its key was already there.</summary>
public sealed record QueuedMessage(long Id, bool Created);
