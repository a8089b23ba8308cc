using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Profiles;

/// <summary>Reads customer profiles: by any id, by search, with their timeline, orders and refunds.</summary>
public sealed class ProfileService(Database database)
{
    public async Task<long?> ResolveAsync(long workspaceId, ProfileLookup lookup, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ResolveAsync(connection, workspaceId, lookup, ct);
    }

    public async Task<ProfileDetail?> FindAsync(long workspaceId, ProfileLookup lookup, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (await ResolveAsync(connection, workspaceId, lookup, ct) is not { } id)
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {ProfileRow.Columns} FROM profiles WHERE workspace_id = @workspaceId AND id = @id",
            new { workspaceId, id }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var identities = await connection.QueryAsync<ProfileIdentity>(new CommandDefinition(
            "SELECT kind, value FROM identities WHERE workspace_id = @workspaceId AND profile_id = @id ORDER BY kind DESC, value",
            new { workspaceId, id }, cancellationToken: ct));
        var counts = await connection.QueryAsync<(string Name, long Count, long FirstAt, long LastAt)>(new CommandDefinition(
            "SELECT name, count, first_at, last_at FROM event_counts WHERE workspace_id = @workspaceId AND profile_id = @id ORDER BY count DESC, name",
            new { workspaceId, id }, cancellationToken: ct));
        var kind = database.Kind;
        var spend = await connection.QueryAsync<(string Currency, long Orders, decimal Total, long? FirstAt, long? LastAt)>(new CommandDefinition(
            """
            SELECT currency, order_count, total_spent, first_order_at, last_order_at FROM profile_spend
            WHERE workspace_id = @workspaceId AND profile_id = @id
            """,
            new { workspaceId, id }, cancellationToken: ct));
        var accounts = await connection.QueryAsync<(string GroupId, string Traits, long FirstAt, long LastAt)>(new CommandDefinition(
            """
            SELECT m.group_id, a.traits, m.first_at, m.last_at
            FROM account_members m JOIN accounts a ON a.workspace_id = m.workspace_id AND a.group_id = m.group_id
            WHERE m.workspace_id = @workspaceId AND m.profile_id = @id ORDER BY m.last_at DESC, m.group_id
            """,
            new { workspaceId, id }, cancellationToken: ct));
        return new ProfileDetail(
            WithSpend(row.ToProfile(kind), spend, kind),
            [.. identities],
            [.. counts.Select(c => new EventCount(c.Name, c.Count, Epoch.FromMs(c.FirstAt), Epoch.FromMs(c.LastAt)))],
            [.. accounts.Select(a => new ProfileAccount(a.GroupId, JsonNode.Parse(a.Traits) as JsonObject ?? [], Epoch.FromMs(a.FirstAt), Epoch.FromMs(a.LastAt)))]);
    }

    /// <summary>The profile with its spend per currency (<c>profile_spend</c> rows), its main currency first.</summary>
    internal static Profile WithSpend(Profile profile, IEnumerable<(string Currency, long Orders, decimal Total, long? FirstAt, long? LastAt)> spend, StoreKind kind) =>
        profile with
        {
            Aggregates = profile.Aggregates with
            {
                Spend = [.. spend
                    .Select(s => new CurrencySpend(s.Currency.Length == 0 ? null : s.Currency, s.Orders, Money.FromStored(s.Total, kind), Epoch.FromMs(s.FirstAt), Epoch.FromMs(s.LastAt)))
                    .OrderByDescending(s => s.Currency == profile.Aggregates.Currency).ThenByDescending(s => s.Orders).ThenBy(s => s.Currency, StringComparer.Ordinal)],
            },
        };

    public async Task<ResultPage<ProfileSummary>> SearchAsync(long workspaceId, ProfileQuery query, CancellationToken ct)
    {
        var dialect = database.Dialect;
        var where = "workspace_id = @workspaceId AND merged_into IS NULL";
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where += $"""
                 AND (user_id {dialect.ILike} @pattern OR email {dialect.ILike} @pattern
                     OR {dialect.JsonText("traits", "'name'")} {dialect.ILike} @pattern
                     OR {dialect.JsonText("traits", "'firstName'")} {dialect.ILike} @pattern
                     OR {dialect.JsonText("traits", "'lastName'")} {dialect.ILike} @pattern)
                """;
        }

        if (!string.IsNullOrWhiteSpace(query.TraitKey))
        {
            where += $" AND {dialect.JsonText("traits", "@traitKey")} = @traitValue";
        }

        var parameters = new
        {
            workspaceId,
            pattern = $"%{query.Text?.Trim()}%",
            traitKey = query.TraitKey,
            traitValue = query.TraitValue ?? "",
            offset = Math.Max(0, query.Offset),
            limit = Math.Clamp(query.Limit, 1, 500),
        };
        await using var connection = await database.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM profiles WHERE {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {ProfileRow.Columns} FROM profiles WHERE {where} ORDER BY {query.OrderBy} LIMIT @limit OFFSET @offset",
            parameters, cancellationToken: ct));
        return new ResultPage<ProfileSummary>([.. rows.Select(r => ToSummary(r.ToProfile(database.Kind)))], total);
    }

    /// <summary>
    /// The display name of each of <paramref name="ids"/> found in the workspace (the live stream says who acted); a
    /// profile merged into another is named as the profile it joined.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> DisplayNamesAsync(long workspaceId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, long Target, string? UserId, string? Email, string Traits, string Context)>(new CommandDefinition(
            $"""
            SELECT p.id, t.id, t.user_id, t.email, t.traits, t.context
            FROM profiles p JOIN profiles t ON t.workspace_id = p.workspace_id AND t.id = COALESCE(p.merged_into, p.id)
            WHERE p.workspace_id = @workspaceId AND {database.Dialect.OneOf("p.id", "@ids")}
            """,
            new { workspaceId, ids = ids.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => ProfileNames.Display(
            JsonNode.Parse(r.Traits) as JsonObject ?? [], JsonNode.Parse(r.Context) as JsonObject, r.Email, r.UserId, r.Target));
    }

    /// <summary>Events newest first; pass the last <see cref="TimelineEvent.Cursor"/> to read further back.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(long workspaceId, long profileId, string? before, int limit, CancellationToken ct)
    {
        var (beforeTs, beforeId) = ParseCursor(before);
        var page = before is null ? "" : "AND (ts < @beforeTs OR (ts = @beforeTs AND id < @beforeId))";
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, object EventId, string MessageId, string Type, string? Name, long Ts, long ReceivedAt, string? Properties, string? Context)>(
            new CommandDefinition(
                $"""
                SELECT id, event_id, message_id, type, name, ts, received_at, properties, context FROM events
                WHERE workspace_id = @workspaceId AND profile_id = @profileId {page}
                ORDER BY ts DESC, id DESC LIMIT @limit
                """,
                new { workspaceId, profileId, beforeTs, beforeId, limit = Math.Clamp(limit, 1, 500) }, cancellationToken: ct));
        return [.. rows.Select(r => new TimelineEvent(
            string.Create(CultureInfo.InvariantCulture, $"{r.Ts}.{r.Id}"), StoredGuid.Read(r.EventId), r.MessageId, r.Type, r.Name,
            Epoch.FromMs(r.Ts), Epoch.FromMs(r.ReceivedAt),
            r.Properties is null ? null : JsonNode.Parse(r.Properties),
            r.Context is null ? null : JsonNode.Parse(r.Context)))];
    }

    public async Task<IReadOnlyList<Order>> OrdersAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await OrderReader.ForProfileAsync(connection, database.Dialect, workspaceId, profileId, ct);
    }

    /// <summary>The profile's refunds and cancellations, newest first, including those that matched no order.</summary>
    public async Task<IReadOnlyList<Refund>> RefundsAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await RefundReader.ForProfileAsync(connection, database.Dialect, workspaceId, profileId, ct);
    }

    /// <summary>The profile's most recent order, or null before the first.</summary>
    public async Task<Order?> LatestOrderAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var orders = await OrderReader.ForProfileAsync(connection, database.Dialect, workspaceId, profileId, ct, limit: 1);
        return orders.Count > 0 ? orders[0] : null;
    }

    public static ProfileSummary ToSummary(Profile p) => new(
        p.Id, p.UserId, p.Email, p.DisplayName, p.Aggregates.LastSeen, p.Aggregates.Events, p.Aggregates.Orders, p.Aggregates.TotalSpent, p.Aggregates.Currency);

    internal static async Task<long?> ResolveAsync(DbConnection connection, long workspaceId, ProfileLookup lookup, CancellationToken ct)
    {
        var (sql, value) = lookup.Kind switch
        {
            ProfileLookupKind.Id when long.TryParse(lookup.Value, CultureInfo.InvariantCulture, out var id) =>
                // A merged profile's id leads to the profile it joined (merges re-point older merges, so one hop is enough).
                ("SELECT COALESCE(merged_into, id) FROM profiles WHERE workspace_id = @workspaceId AND id = @value", (object)id),
            ProfileLookupKind.Id => (null, null),
            ProfileLookupKind.Email =>
                ("SELECT id FROM profiles WHERE workspace_id = @workspaceId AND email = @value AND merged_into IS NULL ORDER BY last_seen DESC LIMIT 1",
                 lookup.Value.Trim().ToLowerInvariant()),
            _ => ($"SELECT profile_id FROM identities WHERE workspace_id = @workspaceId AND kind = '{(lookup.Kind == ProfileLookupKind.UserId ? "user" : "anonymous")}' AND value = @value",
                  lookup.Value),
        };
        return sql is null
            ? null
            : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { workspaceId, value }, cancellationToken: ct));
    }

    private static (long Ts, long Id) ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return (0, 0);
        }

        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && long.TryParse(cursor.AsSpan(0, dot), CultureInfo.InvariantCulture, out var ts)
            && long.TryParse(cursor.AsSpan(dot + 1), CultureInfo.InvariantCulture, out var id)
                ? (ts, id)
                : throw new FormatException("The cursor is not one this API returned.");
    }
}
