using System.Security.Cryptography;
using System.Text;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Workspaces;

/// <summary>
/// Dashboard sign-ins held on the server. A cookie names its session; a session that was ended (signed out) or
/// left unused past <see cref="IdleLimit"/> no longer admits the cookie, wherever a copy of it turns up. Only a
/// SHA-256 of each session id is stored, so a copy of the database cannot be turned into a cookie.
/// </summary>
public sealed class SessionService(Database database, TimeProvider time)
{
    /// <summary>How long an unused session lasts; matches the cookie's sliding expiry.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(12);

    public async Task<string> StartAsync(long userId, CancellationToken ct)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        // Sessions nobody signed out of would otherwise stay forever; each sign-in clears the stale ones.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dashboard_sessions WHERE seen_at < @stale", new { stale = now - (long)IdleLimit.TotalMilliseconds }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dashboard_sessions (id_hash, user_id, created_at, seen_at) VALUES (@hash, @userId, @now, @now)",
            new { hash = Hash(id), userId, now }, cancellationToken: ct));
        return id;
    }

    /// <summary>Whether the session stands for this user: started, not ended, used within the idle limit.</summary>
    public async Task<bool> IsActiveAsync(string sessionId, long userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dashboard_sessions WHERE id_hash = @hash AND user_id = @userId AND seen_at >= @stale",
            new { hash = Hash(sessionId), userId, stale = Epoch.ToMs(time.GetUtcNow()) - (long)IdleLimit.TotalMilliseconds },
            cancellationToken: ct)) > 0;
    }

    /// <summary>Notes that the session is in use (called at the periodic sign-in check, not on every request).</summary>
    public async Task TouchAsync(string sessionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE dashboard_sessions SET seen_at = @now WHERE id_hash = @hash",
            new { hash = Hash(sessionId), now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
    }

    /// <summary>Ends one session: its cookie, and every copy of it, stops working at once.</summary>
    public async Task EndAsync(string sessionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dashboard_sessions WHERE id_hash = @hash", new { hash = Hash(sessionId) }, cancellationToken: ct));
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
