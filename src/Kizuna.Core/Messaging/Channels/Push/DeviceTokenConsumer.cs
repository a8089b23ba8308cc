using System.Text.Json;
using Dapper;
using Kizuna.Storage;
using Kizuna.Work.Changes;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>
/// Registers push tokens from what customers' apps send: a profile whose context holds <c>device.token</c> (Segment's
/// spec: identify with <c>context.device.token</c> and <c>context.device.type</c>) gets that token as a device.
/// Reads the change feed, so a token sent while the server was busy or down is registered once it catches up.
/// </summary>
public sealed class DeviceTokenConsumer(Database database, DeviceStore devices) : IChangeConsumer
{
    public string Name => "push-devices";

    public int BatchSize => 64;

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        foreach (var workspace in changes.SelectMany(c => c.ChangedProfiles).Distinct().GroupBy(p => p.WorkspaceId))
        {
            foreach (var chunk in workspace.Select(p => p.ProfileId).Chunk(500))
            {
                IEnumerable<(long Id, string Context)> rows;
                await using (var connection = await database.OpenAsync(ct))
                {
                    var context = database.Dialect.Kind == StoreKind.Postgres ? "context::text" : "context";
                    rows = await connection.QueryAsync<(long, string)>(new CommandDefinition(
                        $"""
                        SELECT id, {context} FROM profiles
                        WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("id", "@ids")} AND {context} LIKE '%"token"%'
                        """,
                        new { workspaceId = workspace.Key, ids = database.Dialect.Ids(chunk) }, cancellationToken: ct));
                }

                foreach (var (id, context) in rows)
                {
                    if (DeviceOf(context) is { } device)
                    {
                        await devices.RegisterAsync(workspace.Key, id, device.Token, device.Platform, revive: false, ct);
                    }
                }
            }
        }
    }

    private static (string Token, string? Platform)? DeviceOf(string context)
    {
        using var json = JsonDocument.Parse(context);
        return json.RootElement.TryGetProperty("device", out var device) && device.ValueKind == JsonValueKind.Object
            && device.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 and <= DeviceStore.MaxTokenLength } value
            ? (value, device.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null)
            : null;
    }
}
