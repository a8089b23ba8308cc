using Dapper;
using Kizuna.Storage;

namespace Kizuna.Commerce;

/// <summary>The product catalogue: upserted by the API and imports, read by order pages and recommendations.</summary>
public sealed class ProductCatalog(Database database, TimeProvider time)
{
    public async Task<int> UpsertAsync(long workspaceId, IReadOnlyList<Product> products, CancellationToken ct)
    {
        if (products.Count == 0)
        {
            return 0;
        }

        var updatedAt = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var count = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO products (workspace_id, product_id, sku, name, category, price, currency, image_url, url, updated_at)
            VALUES (@workspaceId, @ProductId, @Sku, @Name, @Category, @Price, @Currency, @ImageUrl, @Url, @updatedAt)
            ON CONFLICT (workspace_id, product_id) DO UPDATE SET
                sku = excluded.sku, name = excluded.name, category = excluded.category, price = excluded.price,
                currency = excluded.currency, image_url = excluded.image_url, url = excluded.url, updated_at = excluded.updated_at
            """,
            products.Select(p => new { workspaceId, p.ProductId, p.Sku, p.Name, p.Category, Price = p.Price is { } price ? Money.ToStored(price, database.Kind) : null, p.Currency, p.ImageUrl, p.Url, updatedAt }),
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return count;
    }

    public async Task<Product?> FindAsync(long workspaceId, string productId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ProductRow>(new CommandDefinition(
            $"SELECT {Columns} FROM products WHERE workspace_id = @workspaceId AND product_id = @productId",
            new { workspaceId, productId }, cancellationToken: ct));
        return row?.ToProduct(database.Kind);
    }

    public async Task<ResultPage<Product>> ListAsync(long workspaceId, string? text, int offset, int limit, CancellationToken ct)
    {
        var where = "workspace_id = @workspaceId" + (string.IsNullOrWhiteSpace(text)
            ? ""
            : $" AND (name {database.Dialect.ILike} @pattern OR product_id = @text OR sku = @text)");
        var parameters = new { workspaceId, text, pattern = $"%{text?.Trim()}%", offset = Math.Max(0, offset), limit = Math.Clamp(limit, 1, 500) };
        await using var connection = await database.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM products WHERE {where}", parameters, cancellationToken: ct));
        var items = await connection.QueryAsync<ProductRow>(new CommandDefinition(
            $"SELECT {Columns} FROM products WHERE {where} ORDER BY name, product_id LIMIT @limit OFFSET @offset", parameters, cancellationToken: ct));
        return new ResultPage<Product>([.. items.Select(i => i.ToProduct(database.Kind))], total);
    }

    private sealed record ProductRow
    {
        public string ProductId { get; init; } = "";

        public string? Sku { get; init; }

        public string Name { get; init; } = "";

        public string? Category { get; init; }

        public decimal? Price { get; init; }

        public string? Currency { get; init; }

        public string? ImageUrl { get; init; }

        public string? Url { get; init; }

        public Product ToProduct(StoreKind kind) => new(ProductId, Sku, Name, Category, Money.FromStored(Price, kind), Currency, ImageUrl, Url);
    }

    private const string Columns = "product_id AS productId, sku, name, category, price, currency, image_url AS imageUrl, url";
}
