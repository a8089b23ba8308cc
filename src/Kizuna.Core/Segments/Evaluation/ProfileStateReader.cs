using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// Loads the <see cref="ProfileState"/> of a set of profiles in one query per kind of data the definitions need
/// (profiles, event totals, daily counts, events with properties, orders, values, memberships), skipping the rest.
/// Merged profiles are left out: they belong to no segment.
/// </summary>
public sealed class ProfileStateReader(Database database)
{
    public async Task<IReadOnlyDictionary<long, ProfileState>> ReadAsync(
        long workspaceId, IReadOnlyCollection<long> profileIds, SegmentDependencies needs, CancellationToken ct)
    {
        if (profileIds.Count == 0)
        {
            return new Dictionary<long, ProfileState>();
        }

        var d = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var args = new DynamicParameters();
        args.Add("ws", workspaceId);
        args.Add("ids", d.Ids(profileIds));
        var states = await ProfilesAsync(connection, args, ct);
        if (states.Count == 0)
        {
            return states;
        }

        if (needs.Events.Count > 0)
        {
            args.Add("names", needs.Events.ToArray());
            var rows = await connection.QueryAsync<(long ProfileId, string Name, long Count, long FirstAt, long LastAt)>(new CommandDefinition(
                $"SELECT profile_id, name, count, first_at, last_at FROM event_counts WHERE workspace_id = @ws AND {d.InIds("profile_id", "@ids")} AND {d.OneOf("name", "@names")}",
                args, cancellationToken: ct));
            foreach (var row in rows.Where(r => states.ContainsKey(r.ProfileId)))
            {
                states[row.ProfileId].Events[row.Name] = new EventTotal(row.Count, row.FirstAt, row.LastAt);
            }
        }

        if (needs.WindowedEvents.Count > 0)
        {
            args.Add("daily", needs.WindowedEvents.ToArray());
            var rows = await connection.QueryAsync<(long ProfileId, string Name, long Day, long Count)>(new CommandDefinition(
                $"SELECT profile_id, name, day, count FROM daily_counts WHERE workspace_id = @ws AND {d.InIds("profile_id", "@ids")} AND {d.OneOf("name", "@daily")}",
                args, cancellationToken: ct));
            foreach (var row in rows.Where(r => states.ContainsKey(r.ProfileId)))
            {
                var days = states[row.ProfileId].Daily.TryGetValue(row.Name, out var found) ? found : states[row.ProfileId].Daily[row.Name] = [];
                days[(int)row.Day] = row.Count;
            }
        }

        if (needs.EventsWithProperties.Count > 0)
        {
            args.Add("tracked", needs.EventsWithProperties.ToArray());
            var rows = await connection.QueryAsync<(long ProfileId, string Name, long Ts, string? Properties)>(new CommandDefinition(
                $"SELECT profile_id, name, ts, CAST(properties AS text) FROM events WHERE workspace_id = @ws AND {d.InIds("profile_id", "@ids")} AND type = 'track' AND {d.OneOf(d.NoIndex("name"), "@tracked")}",
                args, cancellationToken: ct));
            foreach (var row in rows.Where(r => states.ContainsKey(r.ProfileId)))
            {
                var events = states[row.ProfileId].Tracked.TryGetValue(row.Name, out var found) ? found : states[row.ProfileId].Tracked[row.Name] = [];
                events.Add(new TrackedEvent(row.Ts, row.Properties is null ? null : JsonNode.Parse(row.Properties) as JsonObject));
            }
        }

        if (needs.Orders)
        {
            await OrdersAsync(connection, args, states, ct);
        }

        if (needs.Values.Count > 0)
        {
            args.Add("values", needs.Values.ToArray());
            var rows = await connection.QueryAsync<(long ProfileId, string Name, double? Number, string? Text)>(new CommandDefinition(
                $"SELECT profile_id, name, number_value, text_value FROM computed_values WHERE workspace_id = @ws AND {d.InIds("profile_id", "@ids")} AND {d.OneOf("name", "@values")}",
                args, cancellationToken: ct));
            foreach (var row in rows.Where(r => states.ContainsKey(r.ProfileId)))
            {
                states[row.ProfileId].Values[row.Name] = new ComputedValue(row.Number, row.Text);
            }
        }

        if (needs.Segments.Count > 0)
        {
            args.Add("segments", d.Ids(needs.Segments));
            var rows = await connection.QueryAsync<(long ProfileId, long SegmentId)>(new CommandDefinition(
                $"SELECT profile_id, segment_id FROM segment_members WHERE workspace_id = @ws AND {d.InIds("profile_id", "@ids")} AND {d.InIds("segment_id", "@segments")}",
                args, cancellationToken: ct));
            foreach (var row in rows.Where(r => states.ContainsKey(r.ProfileId)))
            {
                states[row.ProfileId].Segments.Add(row.SegmentId);
            }
        }

        return states;
    }

    private async Task<Dictionary<long, ProfileState>> ProfilesAsync(DbConnection connection, DynamicParameters args, CancellationToken ct)
    {
        var d = database.Dialect;
        var rows = await connection.QueryAsync<(long Id, string Traits, string Context, long OrderCount, decimal TotalSpent, long? FirstOrderAt, long? LastOrderAt)>(new CommandDefinition(
            "SELECT id, CAST(traits AS text), CAST(context AS text), order_count, total_spent, first_order_at, last_order_at FROM profiles"
            + $" WHERE workspace_id = @ws AND merged_into IS NULL AND {d.InIds("id", "@ids")}",
            args, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => new ProfileState
        {
            Id = r.Id,
            Traits = JsonNode.Parse(r.Traits) as JsonObject ?? [],
            Context = JsonNode.Parse(r.Context) as JsonObject ?? [],
            OrderCount = r.OrderCount,
            TotalSpent = Commerce.Money.FromStored(r.TotalSpent, database.Kind),
            FirstOrderAt = r.FirstOrderAt,
            LastOrderAt = r.LastOrderAt,
        });
    }

    private async Task OrdersAsync(DbConnection connection, DynamicParameters args, Dictionary<long, ProfileState> states, CancellationToken ct)
    {
        // Both by the keys of the customers' orders, found on the customers' index: asked for the customers directly,
        // SQLite (no statistics) walked the workspace's orders by their primary key, and joined from the lines, every line.
        var theirs = $"order_id IN (SELECT order_id FROM orders WHERE workspace_id = @ws AND {database.Dialect.InIds("profile_id", "@ids")})";
        var orders = await connection.QueryAsync<(string OrderId, long ProfileId, string Status, long PlacedAt, long UpdatedAt)>(new CommandDefinition(
            $"SELECT order_id, profile_id, status, placed_at, updated_at FROM orders WHERE workspace_id = @ws AND {theirs}",
            args, cancellationToken: ct));
        var lines = (await connection.QueryAsync<(string OrderId, string? ProductId, string? Sku, string? Category)>(new CommandDefinition(
            $"SELECT order_id, product_id, sku, category FROM order_lines WHERE workspace_id = @ws AND {theirs}",
            args, cancellationToken: ct))).ToLookup(l => l.OrderId, l => new OrderLineFacts(l.ProductId, l.Sku, l.Category));
        foreach (var order in orders.Where(o => states.ContainsKey(o.ProfileId)))
        {
            states[order.ProfileId].Orders.Add(new OrderFacts(order.Status, order.PlacedAt, order.UpdatedAt, [.. lines[order.OrderId]]));
        }
    }
}
