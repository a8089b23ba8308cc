using System.Text.Json.Serialization;

namespace Kizuna.Imports;

/// <summary>What the rows of an imported file describe; written as the same lower-case word as in mapping files.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportKind>))]
public enum ImportKind
{
    [JsonStringEnumMemberName("customers")]
    Customers,

    [JsonStringEnumMemberName("orders")]
    Orders,

    [JsonStringEnumMemberName("products")]
    Products,

    [JsonStringEnumMemberName("events")]
    Events,
}
