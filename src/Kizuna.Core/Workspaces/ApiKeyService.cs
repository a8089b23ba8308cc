using System.Security.Cryptography;
using System.Text;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Workspaces;

/// <summary>
/// Issues, lists, revokes and checks API keys. Only a SHA-256 of each key is stored: keys carry 192 random bits,
/// so a slow password hash would add nothing. Checked keys are cached briefly because ingestion checks one per request.
/// </summary>
public sealed class ApiKeyService(Database database, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly BoundedCache<string, (KeyIdentity? Identity, DateTimeOffset Until)> _cache = new(10_000);

    /// <summary>The longest name a key may have.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// Issues a key on behalf of a key or user holding <paramref name="grantorScopes"/>: nobody passes on a right they
    /// lack, so <c>keys:manage</c> alone cannot mint an all-scope key. Throws <see cref="ScopeNotHeldException"/>.
    /// </summary>
    public Task<CreatedApiKey> IssueAsync(
        long workspaceId, ApiKeyKind kind, string name, IReadOnlyList<string> scopes, IReadOnlySet<string> grantorScopes, CancellationToken ct)
    {
        var granted = kind == ApiKeyKind.Write ? [] : scopes;
        return RoleGrants.FirstMissing(grantorScopes, granted) is { } notHeld
            ? throw new ScopeNotHeldException(notHeld)
            : CreateAsync(workspaceId, kind, name, granted, ct);
    }

    /// <summary>
    /// Revokes a key on behalf of a key or user holding <paramref name="grantorScopes"/>, held to the same rule as
    /// granting: a narrow key must not switch off the keys above it. False when the workspace has no such key.
    /// </summary>
    public async Task<bool> RevokeAsync(long workspaceId, long keyId, IReadOnlySet<string> grantorScopes, CancellationToken ct)
    {
        if ((await ListAsync(workspaceId, ct)).FirstOrDefault(k => k.Id == keyId) is not { } key)
        {
            return false;
        }

        return RoleGrants.FirstMissing(grantorScopes, key.Scopes) is { } notHeld
            ? throw new ScopeNotHeldException(notHeld)
            : await RevokeAsync(workspaceId, keyId, ct);
    }

    public async Task<CreatedApiKey> CreateAsync(long workspaceId, ApiKeyKind kind, string name, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var secret = (kind == ApiKeyKind.Write ? "kzw_" : "kzs_") + Base64Url(RandomNumberGenerator.GetBytes(24));
        var granted = kind == ApiKeyKind.Write ? [] : scopes.Distinct(StringComparer.Ordinal).ToArray();
        var createdAt = Epoch.ToMs(time.GetUtcNow());
        var prefix = secret[..10];
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO api_keys (workspace_id, kind, name, prefix, key_hash, scopes, created_at)
            VALUES (@workspaceId, @kind, @name, @prefix, @hash, @scopes, @createdAt) RETURNING id
            """,
            new { workspaceId, kind = kind.ToString().ToLowerInvariant(), name, prefix, hash = Hash(secret), scopes = string.Join(' ', granted), createdAt },
            cancellationToken: ct));
        return new CreatedApiKey(new ApiKey(id, workspaceId, kind, name, prefix, granted, Epoch.FromMs(createdAt), null), secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            """
            SELECT id, workspace_id AS workspaceId, kind, name, prefix, scopes, created_at AS createdAt, revoked_at AS revokedAt
            FROM api_keys WHERE workspace_id = @workspaceId ORDER BY id
            """,
            new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToApiKey())];
    }

    public async Task<bool> RevokeAsync(long workspaceId, long keyId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @keyId AND workspace_id = @workspaceId AND revoked_at IS NULL",
            new { keyId, workspaceId, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        _cache.Clear();
        return changed > 0;
    }

    /// <summary>The identity behind a presented key, or null when it is unknown or revoked.</summary>
    public async ValueTask<KeyIdentity?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(presented, out var cached) && cached.Until > now)
        {
            return cached.Identity;
        }

        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            """
            SELECT id, workspace_id AS workspaceId, kind, name, prefix, scopes, created_at AS createdAt, revoked_at AS revokedAt
            FROM api_keys WHERE key_hash = @hash
            """,
            new { hash = Hash(presented) }, cancellationToken: ct));
        var identity = row is { RevokedAt: null }
            ? new KeyIdentity(row.Id, row.WorkspaceId, ParseKind(row.Kind), row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal))
            : null;
        _cache.Set(presented, (identity, now + CacheFor));
        return identity;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyKind ParseKind(string kind) => Enum.Parse<ApiKeyKind>(kind, ignoreCase: true);

    private sealed record KeyRow(long Id, long WorkspaceId, string Kind, string Name, string Prefix, string Scopes, long CreatedAt, long? RevokedAt)
    {
        public ApiKey ToApiKey() => new(Id, WorkspaceId, ParseKind(Kind), Name, Prefix,
            Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), Epoch.FromMs(CreatedAt), Epoch.FromMs(RevokedAt));
    }
}
