using System.Text.Json;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Analytics.Scores;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Slices by a kept trait and by age band, read from <c>trait_cells</c> (kept by the triggers of the order links and
/// the profile traits), must equal the slices counted from the orders and each customer's traits, for any history:
/// random orders, cancellations, refunds, merges, corrected days and deletions, an order over a year before the
/// others, customers whose traits are set before their orders and changed or removed after them, values of every
/// JSON type; for random periods, periods over 367 days (whose orders with a previous order further back than the
/// cells keep are read from the links), and a trait the cells do not keep; on both engines.
/// </summary>
public sealed class TraitCellsTests
{
    private const int Sequences = 12;
    private const int StepsPerSequence = 40;
    private const int PeriodsPerSequence = 6;
    private const long Ws = 1;
    private const long MsPerDay = 86_400_000;

    private static readonly string[] Traits =
    [
        """{"country":"Japan","gender":"f","age":34,"tier":"gold"}""",
        """{"country":"France","gender":"m","age":"34"}""",
        """{"country":"Japan","age":"abc","tier":"silver"}""",
        """{}""",
        """{"country":null,"gender":"f","age":5000}""",
        """{"country":7,"age":17,"tier":"gold"}""",
        """{"country":"France","age":70.5}""",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SlicesAsync_RandomHistoriesTraitsAndPeriods_EqualTheSlicesCountedFromTheOrders(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var reader = new SliceReader(store.Database);
        var random = new Rnd(20261206);
        var sequences = OrderStep.Sequence(StepsPerSequence).Sample(Sequences, random, 10);
        var picks = Gen.Choose(0, Traits.Length - 1).Sample(Sequences * 10, random, 10);
        var periods = (from start in Gen.Choose(-5, 4) from length in Gen.Choose(1, 7) select (start, length)).Sample(Sequences * PeriodsPerSequence, random, 10);
        for (var s = 0; s < sequences.Length; s++)
        {
            var baseDay = s % 3 == 0 ? 0 : 20_000;
            await CustomerPurchasesTests.ApplyAsync(store.Database, s, baseDay, sequences[s], i => Traits[picks[(s * 10) + i]]);
            await ChangeTraitsAsync(store.Database, s, picks);
            await PlaceEarlyOrderAsync(store.Database, s, baseDay);
            var orders = await OrdersAsync(store.Database);
            var traits = await TraitsAsync(store.Database);
            var chosen = Enumerable.Range(0, PeriodsPerSequence).Select(p => periods[(s * PeriodsPerSequence) + p])
                .Append((start: -420, length: 430)).Append((start: -300, length: 310));
            foreach (var (start, length) in chosen)
            {
                var from = DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + baseDay + start);
                var period = new OverviewPeriod(from, from.AddDays(length - 1));
                var query = new MetricsQuery(Ws, period, MetricsScope.Workspace);
                foreach (var currency in OrderStep.Currencies)
                {
                    var why = $"{engine}, sequence {s}, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}, {currency}: {string.Join("; ", sequences[s])}";
                    foreach (var trait in new[] { "country", "gender", "tier" })
                    {
                        Assert.True(Expected(orders, traits, period, currency, p => Text(traits.GetValueOrDefault(p), trait))
                            .SequenceEqual(Text(await reader.ReadAsync(query, currency, SliceDimension.Trait, trait, Ct))), $"{trait}: {why}");
                    }

                    Assert.True(Expected(orders, traits, period, currency, p => AgeBands.Of(Age(traits.GetValueOrDefault(p))))
                        .SequenceEqual(Text(await reader.ReadAsync(query, currency, SliceDimension.AgeBand, null, Ct))), $"age band: {why}");
                }
            }
        }
    }

    /// <summary>Customers 1 and 3 of the sequence get other traits after their orders; customer 2 loses them all.</summary>
    private static async Task ChangeTraitsAsync(Database database, int sequence, int[] picks)
    {
        await using var connection = await database.OpenAsync(Ct);
        var json = database.Kind == StoreKind.Postgres ? "CAST(@traits AS jsonb)" : "@traits";
        foreach (var (customer, traits) in new[] { (1, Traits[picks[(sequence * 10) + 5]]), (3, Traits[picks[(sequence * 10) + 6]]), (2, "{}") })
        {
            await connection.ExecuteAsync($"UPDATE profiles SET traits = {json} WHERE workspace_id = @ws AND id = @id",
                new { ws = Ws, id = (sequence * 10) + customer, traits });
        }
    }

    /// <summary>An order 400 days before the others, so the next one's previous order is further back than the cells keep.</summary>
    private static async Task PlaceEarlyOrderAsync(Database database, int sequence, int baseDay)
    {
        await using var connection = await database.OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at)
            VALUES (@ws, @order, @customer, 'completed', 'JPY', @total, 0, @at, @at)
            """,
            new { ws = Ws, order = $"s{sequence}-early", customer = (sequence * 10) + 4, total = database.Kind == StoreKind.Postgres ? 12.5m : (object)125_000L, at = (baseDay - 400) * MsPerDay });
    }

    private static async Task<List<(long Profile, string Currency, string Status, decimal Net, long At)>> OrdersAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        var units = database.Kind == StoreKind.Postgres ? 1m : 10_000m;
        var rows = await connection.QueryAsync<(long Profile, string? Currency, string Status, decimal Total, decimal Refunded, long At)>(
            "SELECT profile_id, currency, status, total, refunded_amount, placed_at FROM orders WHERE workspace_id = @ws", new { ws = Ws });
        return [.. rows.Select(r => (r.Profile, r.Currency ?? "", r.Status, (r.Total - r.Refunded) / units, r.At))];
    }

    private static async Task<Dictionary<long, JsonElement>> TraitsAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        var rows = await connection.QueryAsync<(long Id, string Traits)>(
            $"SELECT id, {(database.Kind == StoreKind.Postgres ? "CAST(traits AS text)" : "traits")} FROM profiles WHERE workspace_id = @ws", new { ws = Ws });
        return rows.ToDictionary(r => r.Id, r => JsonDocument.Parse(r.Traits).RootElement.Clone());
    }

    /// <summary>A trait's value as text (a string unquoted, a number as written), null when absent or JSON null.</summary>
    private static string? Text(JsonElement traits, string name) =>
        traits.ValueKind == JsonValueKind.Object && traits.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;

    /// <summary>The age as docs/analytics.md reads it: a whole number, or a text of one to three digits (no birthdays here).</summary>
    private static long? Age(JsonElement traits) =>
        traits.ValueKind == JsonValueKind.Object && traits.TryGetProperty("age", out var age)
            ? age.ValueKind switch
            {
                JsonValueKind.Number when age.TryGetInt64(out var whole) => whole,
                JsonValueKind.String when age.GetString() is { Length: >= 1 and <= 3 } text && text.All(char.IsAsciiDigit) => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            }
            : null;

    private static IEnumerable<string> Expected(List<(long Profile, string Currency, string Status, decimal Net, long At)> orders,
        Dictionary<long, JsonElement> traits, OverviewPeriod period, string? currency, Func<long, string?> key)
    {
        var since = (period.From.DayNumber - new DateOnly(1970, 1, 1).DayNumber) * MsPerDay;
        var until = (period.To.DayNumber - new DateOnly(1970, 1, 1).DayNumber + 1) * MsPerDay;
        return orders
            .Where(o => o.Status is "completed" or "partially_refunded" && o.At >= since && o.At < until && o.Currency == (currency ?? "") && traits.ContainsKey(o.Profile))
            .GroupBy(o => key(o.Profile))
            .Select(g => new SliceRow(g.Key, null, g.Sum(o => o.Net), g.Count(), g.Select(o => o.Profile).Distinct().Count(), 0))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(Text);
    }

    private static IEnumerable<string> Text(SliceResult result) => result.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(Text);

    private static string Text(SliceRow r) => FormattableString.Invariant($"{r.Key}|{r.Orders}|{r.Customers}|{Money.Round(r.Revenue)}");
}
