using System.Text;
using Kizuna.Commerce;

namespace Kizuna.Imports;

/// <summary>
/// How the columns of a CSV file become customers, orders, products or events. Parsed from the JSON mapping
/// file by <see cref="ImportMappingParser"/>; <c>docs/import.md</c> describes every member.
/// </summary>
public sealed record ImportMapping
{
    public required ImportKind Kind { get; init; }

    /// <summary>Kizuna field (<c>user_id</c>, <c>order_id</c>, …) → CSV header.</summary>
    public required IReadOnlyDictionary<string, string> Columns { get; init; }

    /// <summary>Profile trait → CSV header, set on the customer (customers and orders imports).</summary>
    public IReadOnlyDictionary<string, string> Traits { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Consent of customers imports: a channel (<c>email</c>, <c>sms</c>, <c>push</c>) or a subscription group's key →
    /// CSV header holding the answer (<c>subscribed</c>, <c>opted_in</c>, <c>unsubscribed</c>, or a yes or no).
    /// </summary>
    public IReadOnlyDictionary<string, string> Subscriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Event property → CSV header (events imports).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The event name of every row when the file has no <c>event</c> column.</summary>
    public string? Event { get; init; }

    /// <summary>A .NET exact date format (<c>yyyy-MM-dd HH:mm:ss</c>); null accepts ISO 8601 and other invariant forms.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The IANA zone of timestamps without an offset; UTC when absent.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>ISO 4217 currency of prices when the file has no <c>currency</c> column.</summary>
    public string? Currency { get; init; }

    /// <summary>Order ids that start with this are cancellations of an earlier order (Online Retail: <c>C</c>).</summary>
    public string? CancellationPrefix { get; init; }

    /// <summary>Whether a matched cancellation refunds its lines or cancels the whole order.</summary>
    public OrderEventKind CancellationAs { get; init; } = OrderEventKind.Refunded;

    /// <summary>How a cancellation finds the order it cancels.</summary>
    public CancellationMatch CancellationMatch { get; init; } = CancellationMatch.OrderId;

    /// <summary>Ids written as decimals (<c>17850.0</c>) are read as integers (<c>17850</c>).</summary>
    public bool NumericIds { get; init; }

    public char Delimiter { get; init; } = ',';

    /// <summary>The file's encoding; null reads UTF-8 (or UTF-16 when the file starts with its byte-order mark).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>How many bad lines the report lists one by one; the rest are only counted.</summary>
    public int MaxReportedErrors { get; init; } = 1_000;

    /// <summary>The CSV header a Kizuna field is read from, if mapped.</summary>
    public string? Column(string field) => Columns.TryGetValue(field, out var header) ? header : null;
}
