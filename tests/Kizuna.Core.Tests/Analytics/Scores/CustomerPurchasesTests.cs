using System.Data.Common;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Analytics.Predictions;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// <c>customer_purchases</c>, which the orders' triggers keep and the scores refresh reads instead of the orders, must
/// equal a count made from the orders after any sequence of writes: random orders (out of time order, before 1970,
/// worth nothing, in three currencies), cancellations, refunds, merges, corrected days and deletions, on both engines.
/// And the refresh's reader must give every customer exactly what folding their counted orders gives.
/// </summary>
public sealed class CustomerPurchasesTests
{
    private const int Sequences = 24;
    private const int StepsPerSequence = 40;
    private const long Ws = 1;
    private const long MsPerDay = 86_400_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Triggers_RandomWrites_KeepTheRowsEqualToACountFromTheOrders(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var sequences = OrderStep.Sequence(StepsPerSequence).Sample(Sequences, new Rnd(20261205), 10);
        for (var s = 0; s < sequences.Length; s++)
        {
            // Every third sequence is placed around 1970-01-01, where a day must be floored, not truncated.
            var baseDay = s % 3 == 0 ? 0 : 20_000;
            await ApplyAsync(store.Database, s, baseDay, sequences[s]);

            var why = $"{engine}, sequence {s}: {string.Join("; ", sequences[s])}";
            Assert.True((await RecountAsync(store.Database)).SequenceEqual(await StoredAsync(store.Database)), why);
            var now = DateTimeOffset.FromUnixTimeMilliseconds((baseDay + 2) * MsPerDay + (MsPerDay / 2));
            var read = await new PurchaseReader(store.Database).ReadAsync(Ws, now, Ct);
            Assert.True((await FoldOrdersAsync(store.Database, now)).SequenceEqual(read), why);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Triggers_IngestedOrdersRefundsCancellationsMergeAndErasure_KeepTheRowsExact(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        var day = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Order("u1", "o1", 100, day), Order("u1", "o2", 50, day.AddDays(2)), Order("u1", "o3", 30, day.AddDays(2)),
            Track(null, "a5", CommerceEvents.OrderCompleted, day.AddDays(-1), order: new OrderEvent(OrderEventKind.Completed, "o4", 40, "JPY", 0, 0, 0, null, [])),
            Order("u2", "o5", 70, day)])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Refund("u1", "o2", 20, day.AddDays(3)),
            Track("u1", null, CommerceEvents.OrderCancelled, day.AddDays(3), order: new OrderEvent(OrderEventKind.Cancelled, "o3", null, "JPY", 0, 0, 0, null, [])),
            Identify("u1", "a5", "{}", day.AddDays(4))])], Ct);
        var profiles = new ProfileService(store.Database);
        var u1 = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!.Value;
        var u2 = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u2"), Ct))!.Value;
        Assert.True(await new PrivacyService(store.Database, profiles, Work.ProfileData.CoreProfileData.Registry, TimeProvider.System, []).EraseAsync(Ws, u2, suppress: false, Ct));

        var stored = await StoredAsync(store.Database);
        Assert.Equal(await RecountAsync(store.Database), stored);
        // The survivor holds the anonymous order (its first day), o1 and what o2 kept after its refund; o3 was cancelled.
        var first = Epoch.Day(Epoch.ToMs(day.AddDays(-1)));
        Assert.Contains(Row(u1, "JPY", 3, 3, first, first + 3, Epoch.ToMs(day.AddDays(2)), 170, 40), stored);
        Assert.DoesNotContain(stored, r => r.StartsWith($"{u2}|", StringComparison.Ordinal));
    }

    /// <summary>
    /// Applies <paramref name="steps"/> to five customers of their own (ids sequence × 10 + 1 …), days counted from
    /// <paramref name="baseDay"/>; <paramref name="traits"/> gives each customer's traits JSON by index (none: <c>{}</c>),
    /// <paramref name="lines"/> the lines of each new order by its number (product id, name, price in cents, quantity);
    /// a step's day is <paramref name="daysApart"/> days from the next (more than one spreads the orders over months).
    /// </summary>
    internal static async Task ApplyAsync(Database database, int sequence, int baseDay, List<OrderStep> steps, Func<int, string>? traits = null,
        Func<int, IEnumerable<(string? Product, string Name, int Cents, int Quantity)>>? lines = null, int daysApart = 1)
    {
        await using var connection = await database.OpenAsync(Ct);
        var customers = Enumerable.Range(1, 5).Select(c => (long)(sequence * 10) + c).ToArray();
        var json = database.Kind == StoreKind.Postgres ? "CAST(@traits AS jsonb)" : "@traits";
        foreach (var (id, i) in customers.Select((id, i) => (id, i)))
        {
            await connection.ExecuteAsync(
                $"INSERT INTO profiles (workspace_id, id, user_id, first_seen, last_seen, currency, traits) VALUES (@ws, @id, @user, 0, 0, @currency, {json})",
                new { ws = Ws, id, user = $"u{id}", currency = OrderStep.Currencies[i % OrderStep.Currencies.Length], traits = traits?.Invoke(i) ?? "{}" });
        }

        var orders = new List<string>();
        foreach (var step in steps)
        {
            var at = ((baseDay + (step.Day * daysApart)) * MsPerDay) + (step.Minute * 60_000L);
            var order = orders.Count == 0 ? null : orders[step.Order % orders.Count];
            var customer = customers[step.Customer];
            _ = step.Kind switch
            {
                OrderStep.Kinds.Place => await PlaceAsync(connection, database.Kind, $"s{sequence}-{orders.Count}", customer, step, at, orders)
                    + await AddLinesAsync(connection, database.Kind, $"s{sequence}-{orders.Count - 1}", lines?.Invoke(orders.Count - 1) ?? []),
                _ when order is null => 0,
                OrderStep.Kinds.Cancel => await connection.ExecuteAsync("UPDATE orders SET status = 'cancelled' WHERE workspace_id = @ws AND order_id = @order", new { ws = Ws, order }),
                OrderStep.Kinds.PartialRefund => await connection.ExecuteAsync(
                    "UPDATE orders SET refunded_amount = total / 2, status = CASE WHEN total / 2 >= total THEN 'refunded' ELSE 'partially_refunded' END WHERE workspace_id = @ws AND order_id = @order AND status <> 'cancelled'",
                    new { ws = Ws, order }),
                OrderStep.Kinds.WholeRefund => await connection.ExecuteAsync(
                    "UPDATE orders SET refunded_amount = total, status = 'refunded' WHERE workspace_id = @ws AND order_id = @order AND status <> 'cancelled'", new { ws = Ws, order }),
                OrderStep.Kinds.Merge => await MergeAsync(connection, customer, customers[(step.Customer + 1) % customers.Length]),
                OrderStep.Kinds.MoveDay => await connection.ExecuteAsync("UPDATE orders SET placed_at = @at WHERE workspace_id = @ws AND order_id = @order", new { ws = Ws, order, at }),
                _ => await connection.ExecuteAsync("DELETE FROM orders WHERE workspace_id = @ws AND order_id = @order", new { ws = Ws, order }),
            };
        }
    }

    private static async Task<int> PlaceAsync(DbConnection connection, StoreKind kind, string order, long customer, OrderStep step, long at, List<string> orders)
    {
        orders.Add(order);
        var total = step.Amount / 100m;
        return await connection.ExecuteAsync(
            """
            INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at)
            VALUES (@ws, @order, @customer, 'completed', @currency, @total, 0, @at, @at)
            """,
            new { ws = Ws, order, customer, currency = OrderStep.Currencies[step.Currency], total = kind == StoreKind.Postgres ? (object)total : (long)(total * 10_000), at });
    }

    private static async Task<int> AddLinesAsync(DbConnection connection, StoreKind kind, string order, IEnumerable<(string? Product, string Name, int Cents, int Quantity)> lines)
    {
        var written = 0;
        foreach (var (line, number) in lines.Select((l, i) => (l, i)))
        {
            written += await connection.ExecuteAsync(
                """
                INSERT INTO order_lines (workspace_id, order_id, line_no, product_id, name, category, price, quantity)
                VALUES (@ws, @order, @number, @product, @name, 'c', @price, @quantity)
                """,
                new { ws = Ws, order, number, product = line.Product, name = line.Name, price = kind == StoreKind.Postgres ? line.Cents / 100d : line.Cents * 100d, quantity = (double)line.Quantity });
        }

        return written;
    }

    /// <summary>As a merge does: the orders move to the survivor and the merged profile points at it.</summary>
    private static async Task<int> MergeAsync(DbConnection connection, long merged, long survivor) =>
        await connection.ExecuteAsync("UPDATE orders SET profile_id = @survivor WHERE workspace_id = @ws AND profile_id = @merged", new { ws = Ws, merged, survivor })
        + await connection.ExecuteAsync("UPDATE profiles SET merged_into = @survivor WHERE workspace_id = @ws AND id = @merged", new { ws = Ws, merged, survivor });

    /// <summary>The rows as the definition says, counted in code from every order.</summary>
    private static async Task<List<string>> RecountAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        var orders = await connection.QueryAsync<(long Profile, string? Currency, string Status, decimal Total, decimal Refunded, long At)>(
            "SELECT profile_id, currency, status, total, refunded_amount, placed_at FROM orders WHERE workspace_id = @ws", new { ws = Ws });
        var units = database.Kind == StoreKind.Postgres ? 1m : 10_000m;
        return [.. orders
            .Where(o => o.Status is "completed" or "partially_refunded" && o.Total > o.Refunded)
            .GroupBy(o => (o.Profile, Currency: o.Currency ?? ""))
            .Select(g =>
            {
                var first = g.Min(o => Epoch.Day(o.At));
                return Row(g.Key.Profile, g.Key.Currency, g.Count(), g.Select(o => Epoch.Day(o.At)).Distinct().Count(), first, g.Max(o => Epoch.Day(o.At)),
                    g.Max(o => o.At), g.Sum(o => o.Total - o.Refunded) / units, g.Where(o => Epoch.Day(o.At) == first).Sum(o => o.Total - o.Refunded) / units);
            })
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> StoredAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        var rows = await connection.QueryAsync<(long Profile, string Currency, long Orders, long Days, long First, long Last, long LastAt, decimal Net, decimal FirstNet)>(
            "SELECT profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net FROM customer_purchases WHERE workspace_id = @ws",
            new { ws = Ws });
        var units = database.Kind == StoreKind.Postgres ? 1m : 10_000m;
        return [.. rows.Select(r => Row(r.Profile, r.Currency, r.Orders, r.Days, r.First, r.Last, r.LastAt, r.Net / units, r.FirstNet / units)).Order(StringComparer.Ordinal)];
    }

    private static string Row(long profile, string currency, long orders, long days, long first, long last, long lastAt, decimal net, decimal firstNet) =>
        FormattableString.Invariant($"{profile}|{currency}|{orders}|{days}|{first}|{last}|{lastAt}|{net:0.0000}|{firstNet:0.0000}");

    /// <summary>The refresh's input as it was read before the roll-up: every counted order folded by customer and time.</summary>
    private static async Task<List<CustomerPurchases>> FoldOrdersAsync(Database database, DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync(Ct);
        var rows = await connection.QueryAsync<(long Profile, long At, long Units, string? Currency)>(
            PurchaseReader.SqlFor(database.Kind), new { ws = Ws, now = Epoch.ToMs(now) });
        var summarizer = new PurchaseSummarizer();
        foreach (var row in rows)
        {
            summarizer.Add(row.Profile, Epoch.Day(row.At), row.Units, row.Currency);
        }

        return summarizer.Complete();
    }
}
