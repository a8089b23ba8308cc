using Kizuna.Workspaces;

namespace Kizuna.Server.Dashboard.Shared;

/// <summary>What the new-key form asks for: a name, a kind and, for a secret key, its scopes.</summary>
public sealed record NewKeyRequest(string Name, ApiKeyKind Kind, IReadOnlyList<string> Scopes);
