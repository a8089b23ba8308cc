using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// Reads and writes <see cref="MessagingSettings"/>. Every send batch reads them, so a read is kept for a few seconds;
/// a change made on this node is seen at once, one made on another node within <see cref="CacheFor"/>.
/// </summary>
public sealed class MessagingSettingsStore(Database database, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<long, (MessagingSettings Settings, DateTimeOffset ReadAt)> _cache = new();

    public async Task<MessagingSettings> GetAsync(long workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(workspaceId, out var cached) && now - cached.ReadAt < CacheFor && now >= cached.ReadAt)
        {
            return cached.Settings;
        }

        await using var connection = await database.OpenAsync(ct);
        var document = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT document FROM messaging_settings WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
        var settings = document is null ? new MessagingSettings() : JsonSerializer.Deserialize<MessagingSettings>(document, Json) ?? new MessagingSettings();
        _cache[workspaceId] = (settings, now);
        return settings;
    }

    /// <summary>Replaces the workspace's settings (validate them first with <see cref="MessagingSettingsValidator"/>).</summary>
    public async Task SaveAsync(long workspaceId, MessagingSettings settings, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO messaging_settings (workspace_id, document, updated_at) VALUES (@workspaceId, @document, @now)
            ON CONFLICT (workspace_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
            """,
            new { workspaceId, document = JsonSerializer.Serialize(settings, Json), now = Epoch.ToMs(now) }, cancellationToken: ct));
        _cache[workspaceId] = (settings, now);
    }
}
