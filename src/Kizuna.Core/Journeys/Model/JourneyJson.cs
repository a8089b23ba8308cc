using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Journeys.Model;

/// <summary>How a <see cref="JourneyDefinition"/> is stored and sent: web (camelCase) names, nulls left out.</summary>
public static class JourneyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(JourneyDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static JourneyDefinition Read(string json) =>
        JsonSerializer.Deserialize<JourneyDefinition>(json, Options) ?? throw new InvalidDataException("A journey's definition is empty.");
}
