using System.Globalization;
using Kizuna.Storage;

namespace Kizuna.Bench.Segments;

/// <summary>
/// Deterministic profiles for W3: about 50 events each over the year before <see cref="Now"/>, each profile last
/// active some days ago, so windows and "not performed" split the population as they would in a real shop.
/// </summary>
public static class W3Generator
{
    /// <summary>The fixed "now" of the data and of every query, so runs compare.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static readonly string[] Categories = ["緑茶", "紅茶", "茶器", "ギフト"];

    private const long Day = 86_400_000;

    public static IEnumerable<W3Profile> Profiles(int count, int seed = 42)
    {
        var random = new Random(seed);
        var now = Epoch.ToMs(Now);
        for (var id = 1L; id <= count; id++)
        {
            var country = Pick(random, ["JP", "JP", "JP", "JP", "JP", "JP", "US", "US", "GB", "DE", "TW"]);
            var lastActive = (long)(Math.Pow(random.NextDouble(), 2) * 300 * Day);
            var n = random.Next(0, 101);
            var events = new List<W3Event>(n);
            var orders = new List<W3Order>();
            for (var i = 0; i < n; i++)
            {
                var ts = now - lastActive - (long)(random.NextDouble() * 65 * Day * (1 + (i % 4)));
                var roll = random.Next(100);
                var category = Categories[random.Next(Categories.Length)];
                if (roll < 40)
                {
                    events.Add(new W3Event("Product Viewed", "track", "Product Viewed", ts, null, category, "p" + random.Next(500).ToString(CultureInfo.InvariantCulture)));
                }
                else if (roll < 65)
                {
                    events.Add(new W3Event("$page", "page", "Home", ts, null, null, null));
                }
                else if (roll < 75)
                {
                    events.Add(new W3Event("Added to Cart", "track", "Added to Cart", ts, null, category, "p" + random.Next(500).ToString(CultureInfo.InvariantCulture)));
                }
                else if (roll < 88)
                {
                    events.Add(new W3Event("Email Opened", "track", "Email Opened", ts, null, null, null));
                }
                else if (roll < 95)
                {
                    events.Add(new W3Event("Email Clicked", "track", "Email Clicked", ts, null, null, null));
                }
                else
                {
                    var total = random.Next(10, 300) * 100L;
                    events.Add(new W3Event("Order Completed", "track", "Order Completed", ts, total, category, null));
                    var lines = random.Next(2) == 0
                        ? new[] { ("p" + random.Next(500).ToString(CultureInfo.InvariantCulture), category, total) }
                        : [("p" + random.Next(500).ToString(CultureInfo.InvariantCulture), category, total / 2), ("p" + random.Next(500).ToString(CultureInfo.InvariantCulture), Categories[random.Next(Categories.Length)], total - (total / 2))];
                    orders.Add(new W3Order($"o{id}-{orders.Count}", total, ts, lines));
                }
            }

            var birthday = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return new W3Profile(
                id, country, Pick(random, ["free", "free", "free", "free", "free", "free", "silver", "silver", "gold", "gold", "platinum"]),
                random.Next(10) == 0 ? null : random.Next(18, 76), birthday, random.Next(100) < 8,
                country == "JP" ? "Asia/Tokyo" : "America/New_York", country == "JP" ? "ja-JP" : "en-US",
                random.Next(10) < 7 ? Pick(random, ["Champions", "Loyal", "Potential", "At Risk", "Hibernating", "New"]) : null,
                events, orders);
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
