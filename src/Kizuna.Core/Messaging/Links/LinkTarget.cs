namespace Kizuna.Messaging.Links;

/// <summary>What a verified link names: the message and the profile it was sent to, in their workspace.</summary>
public sealed record LinkTarget(long WorkspaceId, long MessageId, long ProfileId);
