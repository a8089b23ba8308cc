using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Suppressions;

/// <summary>The <c>suppressed_addresses</c> table: a workspace's listed addresses, one row per channel and address.</summary>
public sealed class SuppressionStore(Database database)
{
    public const int MaxLimit = 500;

    private const string Columns = "channel AS Channel, address AS Address, reason AS Reason, profile_id AS ProfileId, message_id AS MessageId, detail AS Detail, created_at AS CreatedAt";

    /// <summary>Lists the entries not listed yet and answers those; an address already listed keeps its first reason.</summary>
    public async Task<IReadOnlyList<SuppressedAddress>> AddAsync(long workspaceId, IReadOnlyList<SuppressedAddress> entries, CancellationToken ct)
    {
        var added = new List<SuppressedAddress>();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var entry in entries)
        {
            var rows = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO suppressed_addresses (workspace_id, channel, address, reason, profile_id, message_id, detail, created_at)
                VALUES (@workspaceId, @channel, @Address, @Reason, @ProfileId, @MessageId, @Detail, @at)
                ON CONFLICT (workspace_id, channel, address) DO NOTHING
                """,
                new { workspaceId, channel = MessageChannels.Name(entry.Channel), entry.Address, entry.Reason, entry.ProfileId, entry.MessageId, entry.Detail, at = Epoch.ToMs(entry.CreatedAt) },
                transaction, cancellationToken: ct));
            if (rows == 1)
            {
                added.Add(entry);
            }
        }

        await transaction.CommitAsync(ct);
        return added;
    }

    public async Task<IReadOnlyList<SuppressedAddress>> ListAsync(long workspaceId, SuppressionFilter filter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM suppressed_addresses
            WHERE workspace_id = @workspaceId
              {(filter.Channel is null ? "" : "AND channel = @channel")}
              {(filter.Reason is null ? "" : "AND reason = @reason")}
              {(filter.AfterChannel is null ? "" : "AND (channel > @afterChannel OR (channel = @afterChannel AND address > @afterAddress))")}
            ORDER BY channel, address
            LIMIT @limit
            """,
            new
            {
                workspaceId,
                channel = filter.Channel is { } c ? MessageChannels.Name(c) : null,
                reason = filter.Reason,
                afterChannel = filter.AfterChannel is { } a ? MessageChannels.Name(a) : null,
                afterAddress = filter.AfterAddress ?? "",
                limit = filter.Limit,
            },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<SuppressedAddress?> FindAsync(long workspaceId, MessageChannel channel, string address, CancellationToken ct) =>
        (await ListedAsync(workspaceId, channel, [address], ct)).GetValueOrDefault(address);

    /// <summary>Of <paramref name="addresses"/> (in their listed form), the ones on the list, by address.</summary>
    public async Task<IReadOnlyDictionary<string, SuppressedAddress>> ListedAsync(long workspaceId, MessageChannel channel, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        if (addresses.Count == 0)
        {
            return new Dictionary<string, SuppressedAddress>();
        }

        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM suppressed_addresses WHERE workspace_id = @workspaceId AND channel = @channel AND {database.Dialect.OneOf("address", "@addresses")}",
            new { workspaceId, channel = MessageChannels.Name(channel), addresses = addresses.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToDictionary(e => e.Address, StringComparer.Ordinal);
    }

    /// <summary>Takes the address off the list; false when it was not on it.</summary>
    public async Task<bool> RemoveAsync(long workspaceId, MessageChannel channel, string address, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM suppressed_addresses WHERE workspace_id = @workspaceId AND channel = @channel AND address = @address",
            new { workspaceId, channel = MessageChannels.Name(channel), address }, cancellationToken: ct)) == 1;
    }

    private sealed record Row(string Channel, string Address, string Reason, long ProfileId, long? MessageId, string? Detail, long CreatedAt)
    {
        public SuppressedAddress ToEntry() => new(MessageChannels.Parse(Channel), Address, Reason, ProfileId, MessageId, Detail, Epoch.FromMs(CreatedAt));
    }
}
