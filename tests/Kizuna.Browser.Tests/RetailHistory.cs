using System.Text.Json;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Browser;

/// <summary>
/// A shop's year ending on <see cref="LastDay"/> (an imported history: the pages open on it), made the same way every
/// run: customers in four countries with genders and birthdays, orders of one to three products (mostly GBP, a few
/// EUR), page views, emails opened and clicked, and NPS answers. Tests compute what the pages must show from
/// <see cref="Orders"/> and <see cref="Answers"/> themselves.
/// </summary>
public sealed class RetailHistory
{
    public static readonly DateTimeOffset LastDay = new(2011, 12, 9, 12, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Name, string Category, decimal Price)[] Products =
    [
        ("p-tea", "Green tea", "Tea", 12.50m), ("p-pot", "Tea pot", "Ware", 38.00m), ("p-cup", "Tea cup", "Ware", 9.50m),
        ("p-mat", "Bamboo mat", "Ware", 6.00m), ("p-snk", "Rice crackers", "Snacks", 4.20m), ("p-jam", "Yuzu jam", "Snacks", 7.80m),
    ];

    private static readonly string[] Countries = ["FR", "GB", "DE", "JP"];

    private readonly List<IngestMessage> _messages = [];

    public List<RetailOrder> Orders { get; } = [];

    /// <summary>Each NPS answer: when and the score.</summary>
    public List<(DateTimeOffset At, int Score)> Answers { get; } = [];

    public RetailHistory(int customers = 150)
    {
        var random = new Random(18);
        for (var c = 1; c <= customers; c++)
        {
            var userId = $"rh-{c:00}";
            var country = Countries[c % Countries.Length];
            var first = LastDay.AddDays(-random.Next(0, 380)).AddHours(-random.Next(0, 8));
            Add(MessageType.Identify, userId, null, first.AddHours(-1), traits: new
            {
                name = $"Customer {c:00}",
                email = $"rh{c:00}@example.test",
                country,
                gender = c % 3 == 0 ? "male" : "female",
                birthday = $"{1950 + (c * 7 % 50)}-0{1 + (c % 9)}-15",
            });
            var orders = 1 + (c % 4 == 0 ? random.Next(2, 7) : random.Next(0, 2));
            var at = first;
            for (var o = 0; o < orders && at <= LastDay; o++)
            {
                Add(MessageType.Page, userId, "Shop", at.AddMinutes(-5), properties: new { path = "/shop" });
                Add(MessageType.Page, userId, "Product", at.AddMinutes(-3), properties: new { path = "/product" });
                var currency = country == "DE" && o % 2 == 1 ? "EUR" : "GBP";
                var lines = Basket(random, country).Select(p => (p.Id, p.Name, p.Category, p.Price, Quantity: 1 + random.Next(0, 3))).ToList();
                var order = new RetailOrder($"o-{c:00}-{o}", userId, country, at, currency, lines);
                Orders.Add(order);
                Add(MessageType.Track, userId, "Order Completed", at, properties: new { order_id = order.Id, total = order.Total, currency },
                    order: new OrderEvent(OrderEventKind.Completed, order.Id, order.Total, currency, 0, 0, 0, null,
                        [.. lines.Select(l => new OrderLine(l.Id, l.Id.ToUpperInvariant(), l.Name, l.Category, l.Price, l.Quantity))]));
                if (random.Next(0, 3) > 0)
                {
                    Add(MessageType.Track, userId, "Email Delivered", at.AddDays(-1), properties: new { channel = "email" });
                    if (random.Next(0, 2) == 0)
                    {
                        Add(MessageType.Track, userId, "Email Opened", at.AddDays(-1).AddMinutes(30), properties: new { channel = "email" });
                    }
                }

                if (random.Next(0, 2) == 0)
                {
                    var score = new[] { 10, 9, 9, 8, 10, 7, 6, 3, 9, 10, 5, 8 }[random.Next(0, 12)];
                    Answers.Add((at.AddHours(2), score));
                    Add(MessageType.Track, userId, "Survey Responded", at.AddHours(2), properties: new { score });
                }

                at = at.AddDays(random.Next(9, 70));
            }
        }

        // A German order in euros near the end, so every period shown has a second currency to keep apart.
        var euros = new RetailOrder("o-eur", "rh-02", "DE", LastDay.AddDays(-3), "EUR", [(Products[5].Id, Products[5].Name, Products[5].Category, Products[5].Price, 2)]);
        Orders.Add(euros);
        Add(MessageType.Track, "rh-02", "Order Completed", euros.At, properties: new { order_id = euros.Id, total = euros.Total, currency = "EUR" },
            order: new OrderEvent(OrderEventKind.Completed, euros.Id, euros.Total, "EUR", 0, 0, 0, null,
                [.. euros.Lines.Select(l => new OrderLine(l.Id, l.Id.ToUpperInvariant(), l.Name, l.Category, l.Price, l.Quantity))]));

        // The history ends on its last day, whatever the draws above gave.
        Add(MessageType.Page, "rh-01", "Shop", LastDay, properties: new { path = "/shop" });
    }

    /// <summary>Stores it all through the ingestion pipeline, as a tracking client would have sent it.</summary>
    public async Task SeedAsync(DashboardServer server, long workspaceId)
    {
        var pipeline = server.Services.GetRequiredService<IngestionPipeline>();
        var messages = _messages.Where(m => m.Timestamp <= LastDay.AddHours(6)).ToList();
        var result = await pipeline.SubmitAsync(new IngestBatch(workspaceId, messages), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(messages.Count, result.Stored);
        Orders.RemoveAll(o => o.At > LastDay.AddHours(6));
        Answers.RemoveAll(a => a.At > LastDay.AddHours(6));
    }

    // French baskets hold tea and a pot together more often than chance, so the rules have something to find.
    private static List<(string Id, string Name, string Category, decimal Price)> Basket(Random random, string country)
    {
        if (country == "FR" && random.Next(0, 3) > 0)
        {
            return random.Next(0, 2) == 0 ? [Products[0], Products[1]] : [Products[0], Products[1], Products[2]];
        }

        return [.. Enumerable.Range(0, 1 + random.Next(0, 3)).Select(_ => Products[random.Next(0, Products.Length)]).Distinct()];
    }

    private void Add(MessageType type, string userId, string? name, DateTimeOffset at, object? traits = null, object? properties = null, OrderEvent? order = null) =>
        _messages.Add(new IngestMessage
        {
            Type = type,
            MessageId = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Name = name,
            TraitsJson = traits is null ? null : JsonSerializer.Serialize(traits),
            PropertiesJson = properties is null ? null : JsonSerializer.Serialize(properties),
            Timestamp = at,
            ReceivedAt = at,
            Order = order,
        });
}
