namespace Kizuna.Messaging.Channels.Push;

/// <summary>One app install of a profile: its push token, platform, and when and why it was retired (null while in use).</summary>
public sealed record PushDevice(long ProfileId, string Token, string? Platform, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? RetiredAt, string? RetiredReason);
