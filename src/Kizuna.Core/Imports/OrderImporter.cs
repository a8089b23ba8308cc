using System.Globalization;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Imports;

/// <summary>
/// Order lines grouped by consecutive order id into <c>Order Completed</c> events; cancellation invoices become
/// a refund (or cancellation) of the original order when it can be matched and are counted otherwise. Each
/// customer is identified once with the mapped traits, and the products seen are upserted into the catalogue.
/// Memory grows with distinct orders, customers and products (and customer × product pairs when cancellations
/// are matched by customer and product), never with lines.
/// </summary>
internal sealed class OrderImporter(ImportMapping mapping, MessageSink sink, ProductCatalog catalog, long workspaceId, ImportCounters counters, DateTimeOffset receivedAt)
    : IRowImporter
{
    private readonly HashSet<string> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _products = new(StringComparer.Ordinal);
    private readonly List<Product> _newProducts = [];

    // The newest order of each (customer, product), kept only when cancellations are matched that way.
    private readonly Dictionary<(string UserId, string ProductId), string> _lastOrderWith = [];
    private OrderGroup? _current;

    public async ValueTask AcceptAsync(ImportRow row, CancellationToken ct)
    {
        var orderId = row.RequiredKey(ImportFields.OrderId);
        if (row.Id(ImportFields.UserId) is not { } userId)
        {
            counters.SkippedWithoutCustomer++;
            return;
        }

        var productId = row.RequiredKey(ImportFields.ProductId);
        var quantity = row.Number(ImportFields.Quantity);
        var price = row.Amount(ImportFields.Price);
        var timestamp = row.Timestamp(ImportFields.Timestamp);
        var currency = (row.Text(ImportFields.Currency) ?? mapping.Currency)?.ToUpperInvariant();
        var isCancellation = mapping.CancellationPrefix is { } prefix && orderId.StartsWith(prefix, StringComparison.Ordinal);

        // Every value is read before anything changes, so a bad line leaves no half-built order or customer behind.
        var name = row.Text(ImportFields.Name);
        var sku = row.Text(ImportFields.Sku);
        var category = row.Text(ImportFields.Category);
        var originalOrderId = isCancellation ? row.Key(ImportFields.OriginalOrderId) ?? orderId[mapping.CancellationPrefix!.Length..] : null;
        var traits = _customers.Contains(userId) ? null : RowValues.Object(row, mapping.Traits);
        if (!isCancellation && quantity <= 0)
        {
            throw new ImportLineException($"quantity ({mapping.Column(ImportFields.Quantity)}) must be positive on an order line");
        }

        // Cancellations write their quantities negative; only the size is limited.
        if (Math.Abs(quantity) > CommerceEvents.MaxQuantity)
        {
            throw new ImportLineException($"quantity ({mapping.Column(ImportFields.Quantity)}) '{row.Text(ImportFields.Quantity)}' must be at most {Limit(CommerceEvents.MaxQuantity)}");
        }

        var amount = price * Math.Abs(quantity);
        if (amount > CommerceEvents.MaxAmount)
        {
            throw new ImportLineException($"price × quantity of the line is {Limit(amount)}; an order's total must be at most {Limit(CommerceEvents.MaxAmount)}");
        }

        if (_current is null || _current.OrderId != orderId)
        {
            if (_orders.Contains(orderId))
            {
                throw new ImportLineException($"order {orderId} continues here after other orders; the lines of an order must be consecutive");
            }

            await FlushAsync(ct);
            _current = new OrderGroup(orderId, userId, timestamp, currency, isCancellation, originalOrderId);
        }
        else if (_current.UserId != userId)
        {
            throw new ImportLineException($"order {orderId} already belongs to customer {_current.UserId}");
        }
        else if (_current.Amount + amount > CommerceEvents.MaxAmount)
        {
            throw new ImportLineException($"this line takes the total of order {orderId} past {Limit(CommerceEvents.MaxAmount)}");
        }

        if (traits is not null && _customers.Add(userId))
        {
            counters.Customers++;
            await sink.AddAsync(ImportMessages.Identify($"import:orders:customer:{userId}", userId, null, traits, timestamp, receivedAt), ct);
        }

        _current.Add(new OrderLine(productId, sku, name, category, price, Math.Abs(quantity)));
        if (!isCancellation && _products.Add(productId))
        {
            _newProducts.Add(new Product(productId, sku, name ?? productId, category, price, currency, null, null));
            if (_newProducts.Count >= 1_000)
            {
                await UpsertProductsAsync(ct);
            }
        }
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await UpsertProductsAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_current is not { } group)
        {
            return;
        }

        _current = null;
        _orders.Add(group.OrderId);
        if (!group.IsCancellation)
        {
            if (mapping.CancellationMatch == CancellationMatch.CustomerProduct)
            {
                foreach (var line in group.Lines)
                {
                    _lastOrderWith[(group.UserId, line.ProductId ?? "")] = group.OrderId;
                }
            }

            counters.Orders++;
            counters.OrderLines += group.Lines.Count;
            var order = new OrderEvent(OrderEventKind.Completed, group.OrderId, group.Total, group.Currency, 0, 0, 0, null, group.Lines);
            await sink.AddAsync(ImportMessages.Order($"import:orders:{group.OrderId}", group.UserId, order, group.Timestamp, receivedAt), ct);
            return;
        }

        counters.Cancellations++;
        counters.CancellationLines += group.Lines.Count;
        foreach (var (original, lines) in Originals(group))
        {
            if (original is null)
            {
                counters.CancellationLinesUnmatched += lines.Count;
                continue;
            }

            counters.CancellationsMatched++;
            var total = Money.Round(lines.Sum(l => l.Price * l.Quantity));
            var change = mapping.CancellationAs == OrderEventKind.Cancelled
                ? new OrderEvent(OrderEventKind.Cancelled, original, null, group.Currency, 0, 0, 0, null, lines)
                : new OrderEvent(OrderEventKind.Refunded, original, total, group.Currency, 0, 0, 0, null, lines);
            await sink.AddAsync(ImportMessages.Order($"import:orders:{group.OrderId}:{original}", group.UserId, change, group.Timestamp, receivedAt), ct);
        }
    }

    /// <summary>The lines of a cancellation grouped by the order each cancels; null for lines with no match.</summary>
    private IEnumerable<(string? Original, List<OrderLine> Lines)> Originals(OrderGroup group)
    {
        if (mapping.CancellationMatch == CancellationMatch.OrderId)
        {
            var original = group.OriginalOrderId is { } id && _orders.Contains(id) ? id : null;
            return [(original, group.Lines)];
        }

        return group.Lines
            .GroupBy(l => _lastOrderWith.TryGetValue((group.UserId, l.ProductId ?? ""), out var id) ? id : null)
            .Select(g => (g.Key, g.ToList()));
    }

    private static string Limit(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private async Task UpsertProductsAsync(CancellationToken ct)
    {
        if (_newProducts.Count == 0)
        {
            return;
        }

        await catalog.UpsertAsync(workspaceId, _newProducts, ct);
        counters.Products += _newProducts.Count;
        _newProducts.Clear();
    }
}
