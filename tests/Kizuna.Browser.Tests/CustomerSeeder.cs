using System.Text.Json;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Browser;

/// <summary>Puts customers into a workspace the way a tracking client does: identify, page views, product views and orders through the ingestion pipeline.</summary>
public static class CustomerSeeder
{
    public static Task<IReadOnlyDictionary<string, long>> SeedAsync(this DashboardServer server, long workspaceId, params SeedCustomer[] customers) =>
        server.SeedAtAsync(workspaceId, TimeProvider.System.GetUtcNow(), customers);

    /// <summary>Seeds customers whose activity ends half an hour before <paramref name="now"/>: an imported history when it lies in the past.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> SeedAtAsync(
        this DashboardServer server, long workspaceId, DateTimeOffset now, params SeedCustomer[] customers)
    {
        var pipeline = server.Services.GetRequiredService<IngestionPipeline>();
        var messages = customers.SelectMany(c => MessagesFor(c, now)).ToList();
        var result = await pipeline.SubmitAsync(new IngestBatch(workspaceId, messages), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(messages.Count, result.Stored);

        var profiles = server.Services.GetRequiredService<ProfileService>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in customers)
        {
            ids[c.UserId] = await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.UserId, c.UserId), CancellationToken.None)
                ?? throw new InvalidOperationException("A seeded customer was not stored.");
        }

        return ids;
    }

    /// <summary>One track event, as the live stream shows it.</summary>
    public static Task<IngestResult> TrackAsync(this DashboardServer server, long workspaceId, string userId, string eventName) =>
        server.Services.GetRequiredService<IngestionPipeline>().SubmitAsync(
            new IngestBatch(workspaceId, [Message(MessageType.Track, userId, eventName, TimeProvider.System.GetUtcNow(), properties: new { source = "test" })]),
            CancellationToken.None);

    /// <summary>An order the customer places now, as a shop's tracking client reports it.</summary>
    public static Task<IngestResult> OrderAsync(this DashboardServer server, long workspaceId, string userId, string orderId, decimal total, string currency) =>
        server.Services.GetRequiredService<IngestionPipeline>().SubmitAsync(
            new IngestBatch(workspaceId, [Message(MessageType.Track, userId, "Order Completed", TimeProvider.System.GetUtcNow(),
                properties: new { order_id = orderId, total, currency },
                order: new OrderEvent(OrderEventKind.Completed, orderId, total, currency, 0, 0, 0, null, [new OrderLine("p-1", "SKU-1", "Sencha", "Tea", total, 1)]))]),
            CancellationToken.None);

    /// <summary>A group call: the customer joins the account, which takes the traits.</summary>
    public static Task<IngestResult> GroupAsync(this DashboardServer server, long workspaceId, string userId, string groupId, object traits) =>
        server.Services.GetRequiredService<IngestionPipeline>().SubmitAsync(
            new IngestBatch(workspaceId, [Message(MessageType.Group, userId, null, TimeProvider.System.GetUtcNow(), traits: traits) with { GroupId = groupId }]),
            CancellationToken.None);

    private static IEnumerable<IngestMessage> MessagesFor(SeedCustomer c, DateTimeOffset now)
    {
        var context = c.TimeZone is null && c.Locale is null ? null : new ProfileContext(c.TimeZone, c.Locale, null, null, null);
        yield return Message(MessageType.Identify, c.UserId, null, now.AddMinutes(-30), traits: new { name = c.Name, email = c.Email, plan = c.Plan }) with { Context = context };
        yield return Message(MessageType.Page, c.UserId, "Home", now.AddMinutes(-29), properties: new { path = "/" });
        yield return Message(MessageType.Track, c.UserId, "Product Viewed", now.AddMinutes(-28), properties: new { product_id = "p-1" });
        var minute = -20;
        foreach (var o in c.Orders)
        {
            var line = new OrderLine("p-" + o.Product.Length, "SKU-" + o.Product.Length, o.Product, "Tea", o.Price, o.Quantity);
            yield return Message(MessageType.Track, c.UserId, "Order Completed", now.AddMinutes(minute++),
                properties: new { order_id = o.OrderId, total = o.Price * o.Quantity, currency = o.Currency },
                order: new OrderEvent(OrderEventKind.Completed, o.OrderId, o.Price * o.Quantity, o.Currency, 0, 0, 0, null, [line]));
        }
    }

    private static IngestMessage Message(
        MessageType type, string userId, string? name, DateTimeOffset at, object? traits = null, object? properties = null, OrderEvent? order = null) => new()
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
        };
}
