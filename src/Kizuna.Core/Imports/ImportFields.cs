namespace Kizuna.Imports;

/// <summary>The Kizuna fields a mapping's <c>columns</c> may name, per kind, and which of them are required.</summary>
public static class ImportFields
{
    public const string UserId = "user_id";
    public const string AnonymousId = "anonymous_id";
    public const string Email = "email";
    public const string Timestamp = "timestamp";
    public const string OrderId = "order_id";
    public const string OriginalOrderId = "original_order_id";
    public const string ProductId = "product_id";
    public const string Sku = "sku";
    public const string Name = "name";
    public const string Category = "category";
    public const string Quantity = "quantity";
    public const string Price = "price";
    public const string Currency = "currency";
    public const string ImageUrl = "image_url";
    public const string Url = "url";
    public const string Event = "event";
    public const string MessageId = "message_id";

    public static IReadOnlyList<string> Allowed(ImportKind kind) => kind switch
    {
        ImportKind.Customers => [UserId, AnonymousId, Email, Timestamp],
        ImportKind.Orders => [OrderId, OriginalOrderId, UserId, ProductId, Sku, Name, Category, Quantity, Price, Currency, Timestamp],
        ImportKind.Products => [ProductId, Sku, Name, Category, Price, Currency, ImageUrl, Url],
        _ => [Event, UserId, AnonymousId, Timestamp, MessageId],
    };

    public static IReadOnlyList<string> Required(ImportKind kind) => kind switch
    {
        ImportKind.Customers => [UserId],
        ImportKind.Orders => [OrderId, UserId, ProductId, Quantity, Price, Timestamp],
        ImportKind.Products => [ProductId, Name],
        _ => [Timestamp],
    };
}
