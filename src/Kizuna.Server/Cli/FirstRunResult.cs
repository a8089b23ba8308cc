using Kizuna.Workspaces;

namespace Kizuna.Server.Cli;

/// <summary>What the first run created, printed once: the keys and password are not stored in clear.</summary>
public sealed record FirstRunResult(Workspace Workspace, string AdminEmail, string AdminPassword, string WriteKey, string SecretKey);
