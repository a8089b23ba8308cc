using Kizuna.Commerce;

namespace Kizuna.Imports;

/// <summary>Catalogue rows, upserted a thousand at a time; the product id is the key, so a re-run changes nothing.</summary>
internal sealed class ProductImporter(ImportMapping mapping, ProductCatalog catalog, long workspaceId, ImportCounters counters) : IRowImporter
{
    private readonly List<Product> _pending = [];

    public async ValueTask AcceptAsync(ImportRow row, CancellationToken ct)
    {
        var productId = row.Id(ImportFields.ProductId) ?? throw row.Empty(ImportFields.ProductId);
        var name = row.Required(ImportFields.Name);
        _pending.Add(new Product(
            productId, row.Text(ImportFields.Sku), name, row.Text(ImportFields.Category), row.OptionalAmount(ImportFields.Price),
            row.Text(ImportFields.Currency) ?? mapping.Currency, row.Text(ImportFields.ImageUrl), row.Text(ImportFields.Url)));
        if (_pending.Count >= 1_000)
        {
            await CompleteAsync(ct);
        }
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        // A file may list a product twice; the last row wins and the report counts products, not rows.
        var distinct = _pending.GroupBy(p => p.ProductId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await catalog.UpsertAsync(workspaceId, distinct, ct);
        counters.Products += distinct.Count;
        _pending.Clear();
    }
}
