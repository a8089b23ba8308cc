using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.AspNetCore.DataProtection;

namespace Kizuna.Messaging.Export;

/// <summary>
/// A workspace's engagement webhook endpoints. Secrets are stored protected with the Data Protection keys the server
/// keeps, so a copy of the table alone signs nothing. The export reads a workspace's endpoints for every change that
/// carries its events, so a read is kept for <see cref="CacheFor"/>; a change on this node is seen at once.
/// </summary>
public sealed class WebhookEndpointStore(Database database, JobQueue jobs, IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly IDataProtector _secrets = protection.CreateProtector("Kizuna.Messaging.Export.Secrets.v1");
    private readonly ConcurrentDictionary<long, (IReadOnlyList<WebhookEndpoint> Endpoints, DateTimeOffset ReadAt)> _cache = new();

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(long workspaceId, CancellationToken ct) =>
        [.. (await RowsAsync(workspaceId, null, ct)).Select(r => r.ToEndpoint())];

    public async Task<WebhookEndpoint?> FindAsync(long workspaceId, long id, CancellationToken ct) =>
        (await RowsAsync(workspaceId, id, ct)).Select(r => r.ToEndpoint()).FirstOrDefault();

    /// <summary>The endpoints the export reads, through the cache.</summary>
    public async Task<IReadOnlyList<WebhookEndpoint>> ActiveAsync(long workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(workspaceId, out var cached) && now - cached.ReadAt < CacheFor && now >= cached.ReadAt)
        {
            return cached.Endpoints;
        }

        var endpoints = await ListAsync(workspaceId, ct);
        _cache[workspaceId] = (endpoints, now);
        return endpoints;
    }

    /// <summary>Stores a checked draft (<see cref="WebhookEndpointDraft.Check"/>) with a new random secret.</summary>
    public async Task<CreatedWebhookEndpoint> CreateAsync(long workspaceId, WebhookEndpointDraft draft, CancellationToken ct)
    {
        var secret = WebhookSigner.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO webhook_endpoints (workspace_id, url, description, events, secret, created_at)
            VALUES (@workspaceId, @Url, @Description, @events, @secret, @now) RETURNING id
            """,
            new
            {
                workspaceId,
                draft.Url,
                draft.Description,
                secret = _secrets.Protect(secret),
                now = Epoch.ToMs(time.GetUtcNow()),
                events = draft.Events is null ? null : JsonSerializer.Serialize(draft.Events.Distinct(StringComparer.Ordinal)),
            },
            cancellationToken: ct));
        _cache.TryRemove(workspaceId, out _);
        return new CreatedWebhookEndpoint((await FindAsync(workspaceId, id, ct))!, secret);
    }

    /// <summary>Deletes an endpoint and cancels its deliveries still waiting. False when there was no such endpoint.</summary>
    public async Task<bool> DeleteAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_endpoints WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: ct));
        _cache.TryRemove(workspaceId, out _);
        await jobs.CancelGroupAsync(ExportJob.GroupOf(id), ct);
        return deleted > 0;
    }

    /// <summary>The signer of an endpoint's secret, or null when the endpoint is gone (deleted since its events were queued).</summary>
    public async Task<WebhookSigner?> SignerAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT secret FROM webhook_endpoints WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: ct));
        return stored is null ? null : WebhookSigner.FromSecret(_secrets.Unprotect(stored), out _);
    }

    private async Task<IEnumerable<EndpointRow>> RowsAsync(long workspaceId, long? id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync<EndpointRow>(new CommandDefinition(
            $"""
            SELECT id, workspace_id AS workspaceId, url, description, events, created_at AS createdAt FROM webhook_endpoints
            WHERE workspace_id = @workspaceId {(id is null ? string.Empty : "AND id = @id")} ORDER BY id
            """,
            new { workspaceId, id }, cancellationToken: ct));
    }

    private sealed record EndpointRow(long Id, long WorkspaceId, string Url, string? Description, string? Events, long CreatedAt)
    {
        public WebhookEndpoint ToEndpoint() => new(
            Id, WorkspaceId, new Uri(Url), Description, Events is null ? null : JsonSerializer.Deserialize<List<string>>(Events), Epoch.FromMs(CreatedAt));
    }
}
