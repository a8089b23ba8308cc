namespace Kizuna.Workspaces;

/// <summary>A new key with its secret, which is shown this once.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
