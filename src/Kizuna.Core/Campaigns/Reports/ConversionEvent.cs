using System.Globalization;
using System.Text.Json;

namespace Kizuna.Campaigns.Reports;

/// <summary>Reads a goal event: whether it passes the goal's filter, and its revenue (<c>revenue</c>, else <c>total</c>) with its currency.</summary>
internal static class ConversionEvent
{
    public static (bool Matches, string? Currency, decimal? Amount) Read(EventFact e, ConversionGoal goal)
    {
        if (!goal.Events.Contains(e.Name, StringComparer.Ordinal))
        {
            return (false, null, null);
        }

        using var document = JsonDocument.Parse(string.IsNullOrEmpty(e.Properties) ? "{}" : e.Properties);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (goal.Filter is null, null, null);
        }

        if (goal.Filter is { } filter && !(root.TryGetProperty(filter.Property, out var value) && Text(value) == filter.Value))
        {
            return (false, null, null);
        }

        var amount = Amount(root, "revenue") ?? Amount(root, "total");
        var currency = root.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim().ToUpperInvariant() : null;
        return (true, currency, amount);
    }

    /// <summary>The <c>message_id</c> an engagement event names, or null.</summary>
    public static long? MessageId(EventFact e)
    {
        if (string.IsNullOrEmpty(e.Properties))
        {
            return null;
        }

        using var document = JsonDocument.Parse(e.Properties);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message_id", out var id) && id.TryGetInt64(out var value)
            ? value
            : null;
    }

    private static decimal? Amount(JsonElement root, string name) => root.TryGetProperty(name, out var v) switch
    {
        true when v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) => d,
        true when v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => null,
    };
}
