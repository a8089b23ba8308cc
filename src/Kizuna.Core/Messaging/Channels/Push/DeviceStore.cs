using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>
/// Push devices per profile (<c>push_devices</c>). A token names one install, so registering it again moves it to the
/// profile now using it and brings it back into use; the provider's "unregistered" answer retires it.
/// </summary>
public sealed class DeviceStore(Database database, TimeProvider time)
{
    public const int MaxTokenLength = 4096;

    /// <summary>
    /// Registers a token for a profile. A retired token comes back into use only when <paramref name="revive"/> is set
    /// (the app registered it again through the API): a profile's context keeps repeating its last device's token, and
    /// that must not undo the provider's answer.
    /// </summary>
    public async Task RegisterAsync(long workspaceId, long profileId, string token, string? platform, bool revive, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO push_devices (workspace_id, profile_id, token, platform, created_at, updated_at)
            VALUES (@workspaceId, @profileId, @token, @platform, @now, @now)
            ON CONFLICT (workspace_id, token) DO UPDATE SET profile_id = excluded.profile_id,
                platform = COALESCE(excluded.platform, push_devices.platform), updated_at = excluded.updated_at,
                retired_at = NULL, retired_reason = NULL
            WHERE @revive = 1 OR push_devices.retired_at IS NULL
            """,
            new { workspaceId, profileId, token, platform, now, revive = revive ? 1L : 0L }, cancellationToken: ct));
    }

    /// <summary>A profile's devices, newest first, retired ones too.</summary>
    public async Task<IReadOnlyList<PushDevice>> ListAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ProfileId, string Token, string? Platform, long CreatedAt, long UpdatedAt, long? RetiredAt, string? RetiredReason)>(new CommandDefinition(
            """
            SELECT profile_id, token, platform, created_at, updated_at, retired_at, retired_reason FROM push_devices
            WHERE workspace_id = @workspaceId AND profile_id = @profileId ORDER BY updated_at DESC, token
            """,
            new { workspaceId, profileId }, cancellationToken: ct));
        return [.. rows.Select(r => new PushDevice(r.ProfileId, r.Token, r.Platform, Epoch.FromMs(r.CreatedAt), Epoch.FromMs(r.UpdatedAt), Epoch.FromMs(r.RetiredAt), r.RetiredReason))];
    }

    /// <summary>The tokens in use of one profile.</summary>
    public async Task<IReadOnlyList<string>> ActiveTokensAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        // Sorted here: ordered by token in SQL, SQLite walked the workspace's devices in token order (its unique key)
        // to find the customer's few.
        await using var connection = await database.OpenAsync(ct);
        return [.. (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT token FROM push_devices WHERE workspace_id = @workspaceId AND profile_id = @profileId AND retired_at IS NULL",
            new { workspaceId, profileId }, cancellationToken: ct))).Order(StringComparer.Ordinal)];
    }

    public async Task RetireAsync(long workspaceId, string token, string reason, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE push_devices SET retired_at = @now, retired_reason = @reason, updated_at = @now WHERE workspace_id = @workspaceId AND token = @token AND retired_at IS NULL",
            new { workspaceId, token, reason, now }, cancellationToken: ct));
    }
}
