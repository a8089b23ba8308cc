using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Server.Templates;

/// <summary>
/// A profile id as a client has it: the number the profiles API answers (<c>3308</c>) or the same id as a string
/// (<c>"3308"</c>). Anything else, a fraction included, is refused so the 400 names the field.
/// </summary>
public sealed class ProfileIdJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var id) => id.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.String => reader.GetString()!,
        _ => throw new JsonException("A profile id is a whole number or a string."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
