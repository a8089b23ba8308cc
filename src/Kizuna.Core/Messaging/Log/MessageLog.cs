using System.Globalization;
using Dapper;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;

namespace Kizuna.Messaging.Log;

/// <summary>
/// The message log: a workspace's messages newest first under a filter, how many there are in each state, and the
/// events recorded about one message. It reads the outbox's rows and never changes them.
/// </summary>
public sealed class MessageLog(Database database)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(long workspaceId, MessageLogFilter filter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {OutboxRow.Columns} FROM messages m WHERE {Where(filter)} ORDER BY m.id DESC LIMIT @limit",
            Parameters(workspaceId, filter), cancellationToken: ct));
        return [.. rows.Select(r => r.ToMessage())];
    }

    /// <summary>How many messages match the filter in each state (the filter's own state and page aside).</summary>
    public async Task<IReadOnlyDictionary<OutboxState, long>> CountsAsync(long workspaceId, MessageLogFilter filter, CancellationToken ct)
    {
        var all = filter with { State = null, BeforeId = null };
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            $"SELECT m.state, count(*) FROM messages m WHERE {Where(all)} GROUP BY m.state",
            Parameters(workspaceId, all), cancellationToken: ct));
        return rows.ToDictionary(r => OutboxStates.Parse(r.State), r => r.Count);
    }

    /// <summary>The events on the message's profile that name it (<c>message_id</c>), oldest first.</summary>
    public async Task<IReadOnlyList<MessageEngagement>> EngagementAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.ProfileId <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Ts, string Name, string? Properties)>(new CommandDefinition(
            $"""
            SELECT e.ts, e.name, e.properties FROM events e
            WHERE e.workspace_id = @workspaceId AND e.profile_id = @profileId AND e.type = 'track'
              AND {database.Dialect.JsonText("e.properties", "@key")} = @id
            ORDER BY e.ts, e.id
            """,
            new { workspaceId = message.WorkspaceId, profileId = message.ProfileId, key = "message_id", id = message.Id.ToString(CultureInfo.InvariantCulture) },
            cancellationToken: ct));
        return [.. rows.Select(r => new MessageEngagement(Epoch.FromMs(r.Ts), r.Name, r.Properties))];
    }

    private static string Where(MessageLogFilter f) => string.Join(" AND ", new[]
    {
        "m.workspace_id = @workspaceId",
        f.Channel is null ? null : "m.channel = @channel",
        f.State is null ? null : "m.state = @state",
        f.TemplateId is null ? null : "m.template_id = @templateId",
        f.ProfileId is null ? null : "m.profile_id = @profileId",
        f.Source is null ? null : "m.source = @source",
        f.BeforeId is null ? null : "m.id < @beforeId",
    }.OfType<string>());

    private static object Parameters(long workspaceId, MessageLogFilter f) => new
    {
        workspaceId,
        channel = f.Channel is { } c ? MessageChannels.Name(c) : null,
        state = f.State is { } s ? OutboxStates.Name(s) : null,
        templateId = f.TemplateId,
        profileId = f.ProfileId,
        source = f.Source,
        beforeId = f.BeforeId,
        limit = (long)Math.Clamp(f.Limit, 1, MaxLimit),
    };
}
