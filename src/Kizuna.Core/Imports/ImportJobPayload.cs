using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Imports;

/// <summary>
/// What an import job on the <c>import</c> queue carries: the <c>imports</c> row it reports to, the file (on the disk
/// of the node that received it) and the parsed mapping.
/// </summary>
internal sealed record ImportJobPayload(long ImportId, string Path, bool DeleteWhenDone, ImportMapping Mapping)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new ZoneConverter(), new EncodingConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportJobPayload FromJson(string json) =>
        JsonSerializer.Deserialize<ImportJobPayload>(json, Json) ?? throw new JsonException("An import job's payload is empty.");

    private sealed class ZoneConverter : JsonConverter<TimeZoneInfo>
    {
        public override TimeZoneInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeZoneInfo.FindSystemTimeZoneById(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, TimeZoneInfo value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);
    }

    private sealed class EncodingConverter : JsonConverter<Encoding>
    {
        public override Encoding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CodePagesEncodingProvider.Instance.GetEncoding(reader.GetString()!) ?? Encoding.GetEncoding(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Encoding value, JsonSerializerOptions options) => writer.WriteStringValue(value.WebName);
    }
}
