using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid.Values;

namespace Kizuna.Templates.Values;

/// <summary>
/// Converts event properties and traits (<see cref="JsonElement"/>, <see cref="JsonNode"/>) into Liquid values.
/// Numbers keep their written scale (<c>1.0</c> stays a float), objects keep their key order.
/// </summary>
internal static class TemplateValueConverter
{
    public static object? Convert(object value) => value switch
    {
        JsonElement element => FromElement(element),
        JsonNode node => FromNode(node),
        _ => null,
    };

    public static FluidValue FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value);
                }

                return new DictionaryValue(new FluidValueDictionaryFluidIndexable(map));
            case JsonValueKind.Array:
                var items = new List<FluidValue>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(FromElement(item));
                }

                return items.Count == 0 ? ArrayValue.Empty : new ArrayValue(items);
            case JsonValueKind.String:
                return StringValue.Create(element.GetString()!);
            case JsonValueKind.Number:
                // Liquid numbers are decimals; one beyond their range (1e30) stays as written rather than failing the render.
                return element.TryGetDecimal(out var number) ? NumberValue.Create(number) : StringValue.Create(element.GetRawText());
            case JsonValueKind.True:
                return BooleanValue.True;
            case JsonValueKind.False:
                return BooleanValue.False;
            default:
                return NilValue.Instance;
        }
    }

    public static FluidValue FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return NilValue.Instance;
            case JsonObject obj:
                var map = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
                foreach (var (key, child) in obj)
                {
                    map[key] = FromNode(child);
                }

                return new DictionaryValue(new FluidValueDictionaryFluidIndexable(map));
            case JsonArray array:
                var items = new List<FluidValue>(array.Count);
                foreach (var item in array)
                {
                    items.Add(FromNode(item));
                }

                return items.Count == 0 ? ArrayValue.Empty : new ArrayValue(items);
            default:
                var value = node.AsValue();
                if (value.TryGetValue<JsonElement>(out var element))
                {
                    return FromElement(element);
                }

                return value.TryGetValue<string>(out var s) ? StringValue.Create(s)
                    : value.TryGetValue<bool>(out var b) ? BooleanValue.Create(b)
                    : value.TryGetValue<decimal>(out var d) ? NumberValue.Create(d)
                    : FromElement(JsonSerializer.SerializeToElement(node));
        }
    }
}
