using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Kizuna.Commerce;

namespace Kizuna.Imports;

/// <summary>Reads and checks a mapping file; every problem names the JSON member at fault.</summary>
public static class ImportMappingParser
{
    private static readonly HashSet<string> Members =
    [
        "kind", "columns", "traits", "subscriptions", "properties", "event", "timestampFormat", "timeZone", "currency",
        "cancellationPrefix", "cancellationAs", "cancellationMatch", "numericIds", "delimiter", "encoding", "maxReportedErrors",
    ];

    // A date with every part a format can name, to try a timestampFormat on before any line is read. At offset zero,
    // so a format with zzz or K reads back the same day in whatever zone the server runs.
    private static readonly DateTimeOffset SampleDate = new(2011, 12, 9, 13, 45, 30, 123, TimeSpan.Zero);

    public static ImportMapping Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ImportMappingException("mapping", $"The mapping is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ImportMappingException("mapping", "The mapping must be a JSON object.");
            }

            foreach (var member in root.EnumerateObject())
            {
                if (!Members.Contains(member.Name))
                {
                    throw new ImportMappingException(member.Name, $"Unknown member '{member.Name}'. Known: {string.Join(", ", Members)}.");
                }
            }

            var kindText = String(root, "kind") ?? throw new ImportMappingException("kind", "Required: customers, orders, products or events.");
            var kind = Kind(kindText);

            var columns = Map(root, "columns");
            foreach (var field in columns.Keys.Where(f => !ImportFields.Allowed(kind).Contains(f)))
            {
                throw new ImportMappingException($"columns.{field}", $"'{field}' is not a field for importing {kindText}. Fields: {string.Join(", ", ImportFields.Allowed(kind))}.");
            }

            foreach (var field in ImportFields.Required(kind).Where(f => !columns.ContainsKey(f)))
            {
                throw new ImportMappingException($"columns.{field}", $"Importing {kindText} needs a column for '{field}'.");
            }

            var eventName = String(root, "event");
            if (kind == ImportKind.Events)
            {
                if (!columns.ContainsKey(ImportFields.Event) && string.IsNullOrWhiteSpace(eventName))
                {
                    throw new ImportMappingException("event", "An events import needs an 'event' column or a fixed 'event' name.");
                }

                if (!columns.ContainsKey(ImportFields.UserId) && !columns.ContainsKey(ImportFields.AnonymousId))
                {
                    throw new ImportMappingException("columns.user_id", "An events import needs a 'user_id' or an 'anonymous_id' column.");
                }
            }

            var subscriptions = Map(root, "subscriptions");
            if (subscriptions.Count > 0 && kind != ImportKind.Customers)
            {
                throw new ImportMappingException("subscriptions", "Only a customers import reads subscriptions.");
            }

            foreach (var key in subscriptions.Keys.Where(k => !ImportConsent.IsTarget(k)))
            {
                throw new ImportMappingException($"subscriptions.{key}", "Name a channel (email, sms, push) or a subscription group's key (lower-case letters, digits, _ and -).");
            }

            return new ImportMapping
            {
                Kind = kind,
                Columns = columns,
                Traits = Map(root, "traits"),
                Subscriptions = subscriptions,
                Properties = Map(root, "properties"),
                Event = eventName,
                TimestampFormat = TimestampFormat(String(root, "timestampFormat")),
                TimeZone = Zone(String(root, "timeZone")),
                Currency = Currency(String(root, "currency")),
                CancellationPrefix = String(root, "cancellationPrefix") is { Length: > 0 } prefix ? prefix : null,
                CancellationAs = CancellationAs(String(root, "cancellationAs")),
                CancellationMatch = Match(String(root, "cancellationMatch")),
                NumericIds = Bool(root, "numericIds"),
                Delimiter = Delimiter(String(root, "delimiter")),
                Encoding = Encoding(String(root, "encoding")),
                MaxReportedErrors = Int(root, "maxReportedErrors") ?? 1_000,
            };
        }
    }

    private static string? String(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ImportMappingException(name, $"'{name}' must be a string.");
    }

    private static bool Bool(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw new ImportMappingException(name, $"'{name}' must be true or false."),
    };

    private static int? Int(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw new ImportMappingException(name, $"'{name}' must be a whole number of zero or more.");
    }

    private static Dictionary<string, string> Map(JsonElement root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ImportMappingException(name, $"'{name}' must be an object of name → CSV column.");
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
            {
                throw new ImportMappingException($"{name}.{entry.Name}", $"'{name}.{entry.Name}' must name a CSV column.");
            }

            map[entry.Name] = entry.Value.GetString()!;
        }

        return map;
    }

    private static TimeZoneInfo Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        // A directory under the zone database (America) is found but cannot be read as a zone: SecurityException.
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or SecurityException)
        {
            throw new ImportMappingException("timeZone", $"'{id}' is not a known time zone (use an IANA id such as Europe/London).");
        }
    }

    // Names only: Enum.TryParse would also take numbers (5) and comma lists (orders,products).
    private static ImportKind Kind(string value) => value.ToLowerInvariant() switch
    {
        "customers" => ImportKind.Customers,
        "orders" => ImportKind.Orders,
        "products" => ImportKind.Products,
        "events" => ImportKind.Events,
        _ => throw new ImportMappingException("kind", $"'{value}' is not one of customers, orders, products, events."),
    };

    /// <summary>
    /// A format is kept only if it writes a date and reads the same day back, so it cannot fail every line (or the
    /// job) later, and cannot lean on the day it is read for the parts it lacks (a weekday, a year).
    /// </summary>
    private static string? TimestampFormat(string? format)
    {
        if (format is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(format))
        {
            throw new ImportMappingException("timestampFormat", "'timestampFormat' is empty; leave it out to read ISO 8601 dates, or give a format such as yyyy-MM-dd HH:mm:ss.");
        }

        try
        {
            var sample = SampleDate.ToString(format, CultureInfo.InvariantCulture);
            if (DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, ImportRow.Styles, out var read) && read.Date == SampleDate.UtcDateTime.Date)
            {
                return format;
            }
        }
        catch (FormatException)
        {
            // Refused below, like a format that writes a date it cannot read back.
        }

        throw new ImportMappingException("timestampFormat", $"'{format}' is not a .NET date format that reads a whole date: year, month and day (such as yyyy-MM-dd HH:mm:ss or M/d/yyyy H:mm).");
    }

    private static string? Currency(string? code) => code switch
    {
        null => null,
        { Length: 3 } when code.All(char.IsAsciiLetter) => code.ToUpperInvariant(),
        _ => throw new ImportMappingException("currency", $"'{code}' is not an ISO 4217 code such as GBP."),
    };

    private static OrderEventKind CancellationAs(string? value) => value?.ToLowerInvariant() switch
    {
        null or "refunded" => OrderEventKind.Refunded,
        "cancelled" => OrderEventKind.Cancelled,
        _ => throw new ImportMappingException("cancellationAs", "'cancellationAs' is 'refunded' or 'cancelled'."),
    };

    private static CancellationMatch Match(string? value) => value?.ToLowerInvariant() switch
    {
        null or "orderid" => CancellationMatch.OrderId,
        "customerproduct" => CancellationMatch.CustomerProduct,
        _ => throw new ImportMappingException("cancellationMatch", "'cancellationMatch' is 'orderId' or 'customerProduct'."),
    };

    /// <summary>
    /// The file's text encoding by name: UTF-8 when absent (a byte-order mark still selects UTF-16); the code pages
    /// shops still export in (<c>shift_jis</c>, <c>windows-1252</c>, <c>iso-8859-1</c>) come from the code-pages provider.
    /// </summary>
    private static Encoding? Encoding(string? name)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? System.Text.Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)   // utf-7 is known but refused by .NET
        {
            throw new ImportMappingException("encoding", $"'{name}' is not a known encoding (e.g. utf-8, shift_jis, windows-1252, iso-8859-1).");
        }
    }

    private static char Delimiter(string? value) => value switch
    {
        null => ',',
        "\\t" or "\t" => '\t',
        // The CSV reader needs printable ASCII (a quote or a line break cannot separate fields).
        { Length: 1 } when value[0] is >= ' ' and <= '~' and not '"' => value[0],
        _ => throw new ImportMappingException("delimiter", "'delimiter' is one printable ASCII character other than \", or \\t for tab."),
    };
}
