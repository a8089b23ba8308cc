using System.Globalization;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Imports;

/// <summary>
/// Order lines grouped by order id, wherever they lie in the file, into <c>Order Completed</c> events: an order is
/// complete on its last line (known from a first pass, <see cref="OrderEnds"/>), and orders are loaded in the order
/// of their first lines, so a cancellation still finds exactly the orders that began before it. The lines of
/// orders not yet loaded wait in memory up to a limit, then in a temporary file. Cancellation invoices become a
/// refund (or cancellation) of the original order when it can be matched, and otherwise a refund kept without an
/// order, so its amount is not lost. Each customer is identified once with the mapped traits, and the products seen
/// are upserted into the catalogue. Memory grows with distinct orders, customers and products (and customer ×
/// product pairs when cancellations are matched by customer and product), never with lines.
/// </summary>
internal sealed class OrderImporter(
    ImportMapping mapping, MessageSink sink, ProductCatalog catalog, long workspaceId, ImportCounters counters, DateTimeOffset receivedAt,
    OrderEnds ends, OrderLineSpill spill, int maxHeldLines)
    : IRowImporter
{
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderGroup> _open = new(StringComparer.Ordinal);

    // Every order not loaded yet, by its first line; a complete one waits for those that began before it.
    private readonly Queue<OrderGroup> _waiting = new();
    private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _products = new(StringComparer.Ordinal);
    private readonly List<Product> _newProducts = [];

    // The newest order of each (customer, product), kept only when cancellations are matched that way.
    private readonly Dictionary<(string UserId, string ProductId), string> _lastOrderWith = [];
    private int _held;

    public async ValueTask AcceptAsync(ImportRow row, CancellationToken ct)
    {
        var orderId = row.RequiredKey(ImportFields.OrderId);
        try
        {
            await AddAsync(row, orderId, ct);
        }
        finally
        {
            // The order's last line completes it, even when that line itself is bad or has no customer.
            if (ends.IsLast(orderId, row.LineNumber) && _open.Remove(orderId, out var group))
            {
                group.IsComplete = true;
                await LoadCompleteAsync(ct);
            }
        }
    }

    private async ValueTask AddAsync(ImportRow row, string orderId, CancellationToken ct)
    {
        if (row.Id(ImportFields.UserId) is not { } userId)
        {
            counters.SkippedWithoutCustomer++;
            return;
        }

        var productId = row.RequiredKey(ImportFields.ProductId);
        var quantity = row.Number(ImportFields.Quantity);
        var price = row.Amount(ImportFields.Price);
        var timestamp = row.Timestamp(ImportFields.Timestamp);
        var currency = row.Text(ImportFields.Currency) ?? mapping.Currency;
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

        if (!_open.TryGetValue(orderId, out var group))
        {
            if (_completed.Contains(orderId))
            {
                // Only a file that changed between the two passes gets here.
                throw new ImportLineException($"order {orderId} was already complete; the file changed while it was imported");
            }

            group = new OrderGroup(orderId, userId, timestamp, currency, isCancellation, originalOrderId);
            _open.Add(orderId, group);
            _waiting.Enqueue(group);
        }
        else if (group.UserId != userId)
        {
            throw new ImportLineException($"order {orderId} already belongs to customer {group.UserId}");
        }
        else if (group.Amount + amount > CommerceEvents.MaxAmount)
        {
            throw new ImportLineException($"this line takes the total of order {orderId} past {Limit(CommerceEvents.MaxAmount)}");
        }

        if (traits is not null && _customers.Add(userId))
        {
            counters.Customers++;
            await sink.AddAsync(ImportMessages.Identify($"import:orders:customer:{userId}", userId, null, traits, timestamp, receivedAt), ct);
        }

        group.Add(new OrderLine(productId, sku, name, category, price, Math.Abs(quantity)));
        if (++_held > maxHeldLines)
        {
            await SpillAsync(ct);
        }

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
        // Orders whose last line was malformed (the first pass could not tell) end with the file.
        foreach (var group in _waiting)
        {
            group.IsComplete = true;
        }

        _open.Clear();
        await LoadCompleteAsync(ct);
        await UpsertProductsAsync(ct);
    }

    /// <summary>Loads the complete orders at the head of the queue.</summary>
    private async ValueTask LoadCompleteAsync(CancellationToken ct)
    {
        while (_waiting.TryPeek(out var group) && group.IsComplete)
        {
            _waiting.Dequeue();
            await FlushAsync(group, ct);
        }
    }

    /// <summary>Moves the lines of every order not yet loaded out of memory.</summary>
    private async ValueTask SpillAsync(CancellationToken ct)
    {
        foreach (var group in _waiting)
        {
            await group.SpillAsync(spill, ct);
        }

        _held = 0;
    }

    private async Task FlushAsync(OrderGroup group, CancellationToken ct)
    {
        _held -= group.Lines.Count;
        _completed.Add(group.OrderId);
        var lines = await group.AllLinesAsync(spill, ct);
        if (!group.IsCancellation)
        {
            if (mapping.CancellationMatch == CancellationMatch.CustomerProduct)
            {
                foreach (var line in lines)
                {
                    _lastOrderWith[(group.UserId, line.ProductId ?? "")] = group.OrderId;
                }
            }

            counters.Orders++;
            counters.OrderLines += lines.Count;
            var order = new OrderEvent(OrderEventKind.Completed, group.OrderId, OrderGroup.Total(lines), group.Currency, 0, 0, 0, null, lines);
            await sink.AddAsync(ImportMessages.Order($"import:orders:{group.OrderId}", group.UserId, order, group.Timestamp, receivedAt), ct);
            return;
        }

        counters.Cancellations++;
        counters.CancellationLines += lines.Count;
        foreach (var (original, refunded) in Originals(group, lines))
        {
            var total = OrderGroup.Total(refunded);
            if (original is null)
            {
                // No order to take it from: kept as a refund of the order it names when matched by id (an order
                // stored before this file is refunded by it), else of its own invoice, so the customer's refunds show
                // it with its amount while no order or spend changes.
                counters.CancellationLinesUnmatched += refunded.Count;
                counters.UnmatchedRefunds++;
                var named = mapping.CancellationMatch == CancellationMatch.OrderId ? group.OriginalOrderId ?? group.OrderId : group.OrderId;
                var orphan = new OrderEvent(mapping.CancellationAs, named, total, group.Currency, 0, 0, 0, null, refunded);
                await sink.AddAsync(ImportMessages.Order($"import:orders:{group.OrderId}:unmatched", group.UserId, orphan, group.Timestamp, receivedAt, group.OrderId), ct);
                continue;
            }

            counters.CancellationsMatched++;
            counters.CancellationLinesMatched += refunded.Count;
            var change = mapping.CancellationAs == OrderEventKind.Cancelled
                ? new OrderEvent(OrderEventKind.Cancelled, original, null, group.Currency, 0, 0, 0, null, refunded)
                : new OrderEvent(OrderEventKind.Refunded, original, total, group.Currency, 0, 0, 0, null, refunded);
            await sink.AddAsync(ImportMessages.Order($"import:orders:{group.OrderId}:{original}", group.UserId, change, group.Timestamp, receivedAt, group.OrderId), ct);
        }
    }

    /// <summary>The lines of a cancellation grouped by the order each cancels; null for lines with no match.</summary>
    private IEnumerable<(string? Original, List<OrderLine> Lines)> Originals(OrderGroup group, List<OrderLine> lines)
    {
        if (mapping.CancellationMatch == CancellationMatch.OrderId)
        {
            var original = group.OriginalOrderId is { } id && _completed.Contains(id) ? id : null;
            return [(original, lines)];
        }

        return lines
            .GroupBy(l => _lastOrderWith.TryGetValue((group.UserId, l.ProductId ?? ""), out var id) ? id : null)
            .Select(g => (g.Key, g.ToList()));
    }

    private static string Limit(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

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
