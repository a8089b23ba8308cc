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
    public async Task<string> GetOrCreateAsync(long workspaceId, CancellationToken ct)
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

    /// <summary>Replaces the secret: hashes made with the old one are refused from now on.</summary>
    public async Task<string> RotateAsync(long workspaceId, CancellationToken ct)
    {
        var secret = NewSecret();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO identity_secrets (workspace_id, secret, created_at) VALUES (@workspaceId, @secret, @now)
            ON CONFLICT (workspace_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at
            """,
            new { workspaceId, secret, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        return secret;
    }

    /// <summary>Whether <paramref name="hash"/> (hex, either case) is the user id's HMAC under the workspace's secret; compared in constant time.</summary>
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

        return CryptographicOperations.FixedTimeEquals(presented, Compute(secret, userId));
    }

    /// <summary>The hash a customer's server computes: HMAC-SHA256 of the UTF-8 user id under the UTF-8 secret.</summary>
    public static byte[] Compute(string secret, string userId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId));

    public static string ComputeHex(string secret, string userId) => Convert.ToHexStringLower(Compute(secret, userId));

    private async Task<string?> FindAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT secret FROM identity_secrets WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
    }

    private static string NewSecret() => "kzv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
