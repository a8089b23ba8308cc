using System.Globalization;
using System.Text;

namespace Kizuna.Analytics.OnlineRetail;

/// <summary>
/// The Online Retail file read a second way (a plain quote-aware line split, no import code), with the cleaning
/// rules docs/analytics.md states: lines without a CustomerID are dropped; an invoice numbered C… is a
/// cancellation whose lines refund, line by line, the customer's latest earlier order holding that product (the
/// refund takes at most what is left; an order refunded to nothing no longer counts); cancellation lines with no
/// such order refund nothing; zero-price lines stay in their order (they add nothing to its total). Times are UK
/// local and turned into UTC; a customer's country is the one on its first line.
/// </summary>
internal sealed class RetailReference
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public List<RetailOrder> Orders { get; } = [];

    public Dictionary<string, string> CountryOf { get; } = new(StringComparer.Ordinal);

    public static RetailReference Read(string path)
    {
        var reference = new RetailReference();
        var invoices = new Dictionary<string, (string Customer, DateTimeOffset At, List<(string Product, decimal Price, decimal Quantity)> Lines)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = Split(line);
            if (cells[6].Length == 0)
            {
                continue;
            }

            var customer = decimal.Parse(cells[6], CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture);
            reference.CountryOf.TryAdd(customer, cells[7]);
            if (!invoices.TryGetValue(cells[0], out var invoice))
            {
                var local = DateTime.ParseExact(cells[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                invoice = (customer, new DateTimeOffset(local, London.GetUtcOffset(local)), []);
                invoices.Add(cells[0], invoice);
                order.Add(cells[0]);
            }

            invoice.Lines.Add((cells[1], decimal.Parse(cells[5], CultureInfo.InvariantCulture), decimal.Parse(cells[3], CultureInfo.InvariantCulture)));
        }

        var byId = new Dictionary<string, RetailOrder>(StringComparer.Ordinal);
        var latestWith = new Dictionary<(string, string), RetailOrder>();
        foreach (var id in order)
        {
            var (customer, at, lines) = invoices[id];
            if (!id.StartsWith('C'))
            {
                var placed = new RetailOrder(id, customer, at) { Total = Math.Round(lines.Sum(l => l.Price * l.Quantity), 4) };
                placed.Lines.AddRange(lines);
                reference.Orders.Add(placed);
                byId[id] = placed;
                foreach (var l in lines)
                {
                    latestWith[(customer, l.Product)] = placed;
                }

                continue;
            }

            foreach (var refund in lines.Where(l => latestWith.ContainsKey((customer, l.Product))).GroupBy(l => latestWith[(customer, l.Product)]))
            {
                var original = refund.Key;
                if (original.Status == "refunded")
                {
                    continue;
                }

                var remaining = original.Total - original.Refunded;
                var amount = Math.Min(remaining, Math.Round(refund.Sum(l => l.Price * Math.Abs(l.Quantity)), 4));
                original.Refunded += amount;
                original.Status = amount >= remaining ? "refunded" : "partially_refunded";
            }
        }

        return reference;
    }

    /// <summary>One CSV line into cells: commas split outside double quotes; "" inside quotes is a quote.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
