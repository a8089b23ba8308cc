using System.Security.Cryptography;
using System.Text;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// Each workspace's identity-verification secret, as Intercom's user hash and Chatwoot's identifier hash use: the
/// customer's own server computes <c>hex(HMAC-SHA256(secret, userId))</c> and gives it to its page, which presents it
/// with the workspace's write key. The write key alone (public in every page) cannot name another customer.
/// </summary>
public sealed class IdentitySecrets(Database database, TimeProvider time)
{
    /// <summary>The workspace's secret, made on first use.</summary>
    public async Task<IdentitySecret> GetOrCreateAsync(long workspaceId, CancellationToken ct)
    {
        if (await FindAsync(workspaceId, ct) is { } secret)
        {
            return secret;
        }

        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO identity_secrets (workspace_id, secret, created_at) VALUES (@workspaceId, @secret, @now) ON CONFLICT DO NOTHING",
            new { workspaceId, secret = NewSecret(), now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        return (await FindAsync(workspaceId, ct))!;
    }

    /// <summary>
    /// Replaces the secret. Hashes made with the old one are still accepted for <paramref name="keepPrevious"/>, the
    /// time a customer needs to deploy the new secret to its servers; <see cref="TimeSpan.Zero"/> refuses them at once,
    /// as a leaked secret needs. Only the latest replaced secret is kept.
    /// </summary>
    public async Task<IdentitySecret> RotateAsync(long workspaceId, TimeSpan keepPrevious, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepPrevious, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var current = await GetOrCreateAsync(workspaceId, ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE identity_secrets SET secret = @secret, created_at = @now, previous_secret = @previous, previous_until = @until
            WHERE workspace_id = @workspaceId
            """,
            new
            {
                workspaceId,
                secret = NewSecret(),
                now = Epoch.ToMs(now),
                previous = keepPrevious > TimeSpan.Zero ? current.Secret : null,
                until = keepPrevious > TimeSpan.Zero ? Epoch.ToMs(now + keepPrevious) : (long?)null,
            },
            cancellationToken: ct));
        return (await FindAsync(workspaceId, ct))!;
    }

    /// <summary>
    /// Whether <paramref name="hash"/> (hex, either case) is the user id's HMAC under the workspace's secret, or under
    /// the replaced one while it is still accepted; compared in constant time.
    /// </summary>
    public async Task<bool> VerifyAsync(long workspaceId, string userId, string hash, CancellationToken ct)
    {
        if (await FindAsync(workspaceId, ct) is not { } secret || hash.Length != 64)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(hash);
        }
        catch (FormatException)
        {
            return false;
        }

        return secret.AcceptedAt(time.GetUtcNow()).Any(s => CryptographicOperations.FixedTimeEquals(presented, Compute(s, userId)));
    }

    /// <summary>The hash a customer's server computes: HMAC-SHA256 of the UTF-8 user id under the UTF-8 secret.</summary>
    public static byte[] Compute(string secret, string userId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId));

    public static string ComputeHex(string secret, string userId) => Convert.ToHexStringLower(Compute(secret, userId));

    private async Task<IdentitySecret?> FindAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(string Secret, string? Previous, long? Until)>(new CommandDefinition(
            "SELECT secret, previous_secret, previous_until FROM identity_secrets WHERE workspace_id = @workspaceId",
            new { workspaceId }, cancellationToken: ct));
        return row.Secret is null ? null : new IdentitySecret(row.Secret, row.Previous, Epoch.FromMs(row.Until));
    }

    private static string NewSecret() => "kzv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
