using System.Globalization;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// The store's orders, lines and customers' countries written as plain CSV files, so pandas and DuckDB compute from
/// exactly the rows Kizuna computes from (money as decimal text, times as epoch milliseconds).
/// </summary>
public static class StoreExport
{
    public static async Task WriteAsync(Database database, long workspaceId, string folder)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using (var orders = new StreamWriter(Path.Combine(folder, "orders.csv")))
        {
            await orders.WriteLineAsync("order_id,profile_id,status,currency,total,refunded,placed_at");
            foreach (var o in await connection.QueryAsync<(string Id, long Profile, string Status, string? Currency, long Total, long Refunded, long At)>(
                "SELECT order_id, profile_id, status, currency, total, refunded_amount, placed_at FROM orders WHERE workspace_id = @workspaceId", new { workspaceId }))
            {
                await orders.WriteLineAsync(string.Join(',', o.Id, Num(o.Profile), o.Status, o.Currency ?? "", Amount(o.Total), Amount(o.Refunded), Num(o.At)));
            }
        }

        await using (var lines = new StreamWriter(Path.Combine(folder, "lines.csv")))
        {
            await lines.WriteLineAsync("order_id,product_id,price,quantity");
            foreach (var l in await connection.QueryAsync<(string Id, string Product, long Price, double Quantity)>(
                "SELECT order_id, product_id, price, quantity FROM order_lines WHERE workspace_id = @workspaceId", new { workspaceId }))
            {
                await lines.WriteLineAsync(string.Join(',', l.Id, Quote(l.Product), Amount(l.Price), l.Quantity.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        await using var profiles = new StreamWriter(Path.Combine(folder, "profiles.csv"));
        await profiles.WriteLineAsync("id,country");
        foreach (var p in await connection.QueryAsync<(long Id, string? Country)>(
            "SELECT id, json_extract(traits, '$.country') FROM profiles WHERE workspace_id = @workspaceId AND merged_into IS NULL", new { workspaceId }))
        {
            await profiles.WriteLineAsync($"{Num(p.Id)},{Quote(p.Country ?? "")}");
        }
    }

    private static string Amount(long units) => Money.Format(Money.FromStored(units, StoreKind.Sqlite));

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
